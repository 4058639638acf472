// Budget votes cast by touch on the real kiosk: what would spoil a ballot is refused in plain
// words, the review shows the ballot, and it is stored before the thank-you.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "headless_kiosk.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

sv::Campaign demo_with(const sv::BallotRules& rules) {
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
    for (auto& activity : campaign.activities)
        if (activity.id == "budget") activity.budget.rules = rules;
    return campaign;
}

nlohmann::json only_stored_ballot(HeadlessKiosk& kiosk) {
    auto stored = kiosk.store().responses();
    REQUIRE(stored.ok());
    REQUIRE(stored.value().size() == 1);
    CHECK(stored.value()[0].activity_id == "budget");
    return nlohmann::json::parse(stored.value()[0].payload);
}

void send_and_see_thanks(HeadlessKiosk& kiosk) {
    kiosk.tap("review");
    REQUIRE(kiosk.state().screen == Screen::ballot_review);
    kiosk.tap("send");
    REQUIRE(kiosk.state().screen == Screen::thanks);
    // The thank-you screen is only drawn for a ballot already stored.
    CHECK(kiosk.store().find_response(kiosk.state().thanked_uuid).value().has_value());
}

}  // namespace

TEST_CASE("a knapsack ballot by touch on a small tablet: over budget refused, reviewed, stored") {
    TempFolder folder;
    // 1024×600: a cheap seven-inch tablet, where the layout is drawn shrunk.
    HeadlessKiosk kiosk(folder.path(), 1024, 600, STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    kiosk.tap("start-budget");
    REQUIRE(kiosk.state().screen == Screen::ballot);

    // Nothing chosen yet: the review is refused with a reason, not a dead button.
    kiosk.tap("review");
    CHECK(kiosk.state().screen == Screen::ballot);
    CHECK_FALSE(kiosk.state().notice.empty());

    kiosk.tap("choose-mill-lane-swings");   // £18,000
    kiosk.tap("choose-library-saturdays");  // £9,500
    kiosk.tap("next-page");
    kiosk.tap("choose-friday-youth-club");  // £15,000: £7,500 left
    CHECK(kiosk.state().notice.empty());
    kiosk.tap("choose-ferry-lane-lights");  // £8,000 does not fit
    CHECK(kiosk.state().notice.text() ==
          "That would go over the budget: you have £7,500 left. Remove a project to make room.");
    CHECK(kiosk.state().ballot.chosen.size() == 3);
    kiosk.tap("choose-st-annes-garden");  // £7,500 fits exactly
    CHECK(kiosk.state().notice.empty());

    // Removing a project makes room again.
    kiosk.tap("choose-friday-youth-club");
    kiosk.tap("choose-ferry-lane-lights");
    CHECK(kiosk.state().ballot.chosen.size() == 4);

    // A look at the details page and a choice made there.
    kiosk.tap("next-page");
    kiosk.tap("details-more-bins");
    REQUIRE(kiosk.state().screen == Screen::project_details);
    kiosk.tap("choose");  // £4,800 of £14,500 left
    kiosk.tap("back");
    REQUIRE(kiosk.state().screen == Screen::ballot);

    send_and_see_thanks(kiosk);
    const auto ballot = only_stored_ballot(kiosk);
    CHECK(ballot["ballot"] == "knapsack");
    CHECK(ballot["projects"] == nlohmann::json({"mill-lane-swings", "library-saturdays", "st-annes-garden",
                                                "ferry-lane-lights", "more-bins"}));
}

TEST_CASE("a ranked ballot by touch keeps the order of choice and stops at the top k") {
    TempFolder folder;
    sv::BallotRules rules;
    rules.type = sv::BallotType::ranked;
    rules.max_choices = 3;
    HeadlessKiosk kiosk(folder.path(), 800, 1280, demo_with(rules));
    kiosk.tap("start-budget");
    kiosk.tap("choose-library-saturdays");
    kiosk.tap("choose-river-benches");
    CHECK(kiosk.state().ballot.chosen.size() == 2);
    kiosk.tap("next-page");  // upright: five projects a page
    kiosk.tap("choose-defibrillators");
    CHECK(kiosk.state().notice.empty());
    kiosk.tap("choose-more-bins");
    CHECK(kiosk.state().notice.text() == "You have picked your top 3. Take one off to pick another.");
    // Taking the second off moves the third up.
    kiosk.tap("previous-page");
    kiosk.tap("choose-river-benches");
    kiosk.tap("next-page");
    kiosk.tap("choose-more-bins");
    send_and_see_thanks(kiosk);
    CHECK(only_stored_ballot(kiosk)["projects"] ==
          nlohmann::json({"library-saturdays", "defibrillators", "more-bins"}));
}

TEST_CASE("a cumulative ballot by touch spends points up to the limits and no further") {
    TempFolder folder;
    sv::BallotRules rules;
    rules.type = sv::BallotType::cumulative;
    rules.points = 5;
    rules.max_points_per_project = 3;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, demo_with(rules));
    kiosk.tap("start-budget");
    for (int i = 0; i < 3; ++i) kiosk.tap("more-river-benches");
    CHECK(kiosk.state().notice.empty());
    kiosk.tap("more-river-benches");
    CHECK(kiosk.state().notice.text() == "A project can have at most 3 points.");
    kiosk.tap("more-bridge-street-bikes");
    kiosk.tap("more-bridge-street-bikes");
    kiosk.tap("more-library-saturdays");
    CHECK(kiosk.state().notice.text() == "You have used all 5 points. Take one from another project to move it here.");
    kiosk.tap("less-river-benches");
    kiosk.tap("more-library-saturdays");
    CHECK(kiosk.state().notice.empty());
    send_and_see_thanks(kiosk);
    const auto ballot = only_stored_ballot(kiosk);
    CHECK(ballot["ballot"] == "cumulative");
    CHECK(ballot["projects"] == nlohmann::json({"river-benches", "bridge-street-bikes", "library-saturdays"}));
    CHECK(ballot["points"] == nlohmann::json({2, 2, 1}));
}

TEST_CASE("a project's details page shows its picture") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    kiosk.tap("start-budget");
    auto sky_pixels = [&] {
        // The demo picture of the benches has a pale blue sky; nothing else on the page is that colour.
        int count = 0;
        for (int y = 0; y < 800; y += 4)
            for (int x = 640; x < 1280; x += 4) count += kiosk.pixel(x, y) == 0xCFE6F5;
        return count;
    };
    kiosk.tap("details-library-saturdays");  // no picture
    CHECK(sky_pixels() == 0);
    kiosk.tap("back");
    kiosk.tap("details-river-benches");
    CHECK(sky_pixels() > 1000);
}
