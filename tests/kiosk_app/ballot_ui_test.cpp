// Budget votes cast by touch on the real kiosk: what would spoil a ballot is refused in plain
// words, the review shows the ballot, and it is stored before the thank-you.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <set>

#include "headless_kiosk.hpp"
#include "layout_check.hpp"
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

    kiosk.tap("notice-ok");
    kiosk.tap_on_its_page("choose-mill-lane-swings");   // £18,000
    kiosk.tap_on_its_page("choose-library-saturdays");  // £9,500
    kiosk.tap_on_its_page("choose-friday-youth-club");  // £15,000: £7,500 left
    CHECK(kiosk.state().notice.empty());
    kiosk.tap_on_its_page("choose-ferry-lane-lights");  // £8,000 does not fit
    CHECK(kiosk.state().notice.text() ==
          "That would go over the budget: you have £7,500 left. Remove a project to make room.");
    CHECK(kiosk.state().ballot.chosen.size() == 3);
    // The reason is read over the cards, which cannot be touched until it is put away.
    CHECK_FALSE(kiosk.can_touch("choose-st-annes-garden"));
    CHECK_FALSE(kiosk.can_touch("review"));
    kiosk.tap("notice-ok");
    CHECK(kiosk.state().notice.empty());
    CHECK(kiosk.state().screen == Screen::ballot);
    CHECK(kiosk.state().ballot.chosen.size() == 3);
    kiosk.tap_on_its_page("choose-st-annes-garden");  // £7,500 fits exactly
    CHECK(kiosk.state().notice.empty());

    // Removing a project makes room again.
    kiosk.tap_on_its_page("choose-friday-youth-club");
    kiosk.tap_on_its_page("choose-ferry-lane-lights");
    CHECK(kiosk.state().ballot.chosen.size() == 4);

    // A look at the details page and a choice made there.
    kiosk.tap_on_its_page("details-more-bins");
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
    kiosk.tap_on_its_page("choose-library-saturdays");
    kiosk.tap_on_its_page("choose-river-benches");
    CHECK(kiosk.state().ballot.chosen.size() == 2);
    kiosk.tap_on_its_page("choose-defibrillators");
    CHECK(kiosk.state().notice.empty());
    kiosk.tap_on_its_page("choose-more-bins");
    CHECK(kiosk.state().notice.text() == "You have picked your top 3. Take one off to pick another.");
    kiosk.tap("notice-ok");
    // Taking the second off moves the third up.
    kiosk.tap_on_its_page("choose-river-benches");
    kiosk.tap_on_its_page("choose-more-bins");
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
    for (int i = 0; i < 3; ++i) kiosk.tap_on_its_page("more-river-benches");
    CHECK(kiosk.state().notice.empty());
    kiosk.tap_on_its_page("more-river-benches");
    CHECK(kiosk.state().notice.text() == "A project can have at most 3 points.");
    kiosk.tap("notice-ok");
    kiosk.tap_on_its_page("more-bridge-street-bikes");
    kiosk.tap_on_its_page("more-bridge-street-bikes");
    kiosk.tap_on_its_page("more-library-saturdays");
    CHECK(kiosk.state().notice.text() == "You have used all 5 points. Take one from another project to move it here.");
    kiosk.tap("notice-ok");
    kiosk.tap_on_its_page("less-river-benches");
    kiosk.tap_on_its_page("more-library-saturdays");
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
    kiosk.tap_on_its_page("details-library-saturdays");  // no picture
    CHECK(sky_pixels() == 0);
    kiosk.tap("back");
    kiosk.tap_on_its_page("details-river-benches");
    CHECK(sky_pixels() > 1000);
}

namespace {

// The demo vote grown to 24 projects with long names, as a city-wide vote has.
sv::Campaign demo_with_24_projects() {
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
    for (auto& activity : campaign.activities) {
        if (activity.id != "budget") continue;
        auto& projects = activity.budget.projects;
        const auto first = projects;
        for (std::size_t i = 0; projects.size() < 24; ++i) {
            sv::BudgetProject p = first[i % first.size()];
            p.id = "extra-" + std::to_string(i);
            p.name.by_language["en"] =
                "Resurface the footpath from Station Road to the Ferry Lane underpass, part " + std::to_string(i + 1);
            projects.push_back(p);
        }
    }
    return campaign;
}

}  // namespace

TEST_CASE("a 24-project ballot pages through every project once, two or more to a page even at very large text") {
    const sv::Campaign campaign = demo_with_24_projects();
    for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
        TempFolder folder;
        HeadlessKiosk kiosk(folder.path(), width, height, campaign);
        // Urdu too: its lines stand about twice as tall.
        for (const std::string language : {"en", "ur"})
            for (sv::TextSize size : {sv::TextSize::standard, sv::TextSize::large, sv::TextSize::very_large}) {
                INFO(sv::text_size_key(size) << " at " << width << "x" << height << " in " << language);
                kiosk.tap("start-budget");
                kiosk.state().language = language;
                kiosk.state().text_size = size;
                kiosk.frames(2);
                std::multiset<std::string> shown;
                std::vector<int> per_page;
                for (;;) {
                    int cards = 0;
                    for (const auto& target : kiosk.app().targets().items)
                        if (target.id.rfind("details-", 0) == 0) {
                            shown.insert(target.id.substr(8));
                            ++cards;
                        }
                    per_page.push_back(cards);
                    for (const std::string& problem :
                         sv::layout_problems(kiosk.app().targets(), kiosk.app().placed_text(),
                                             static_cast<float>(width), static_cast<float>(height)))
                        FAIL_CHECK(problem);
                    if (!kiosk.can_touch("next-page")) break;
                    kiosk.tap("next-page");
                }
                std::multiset<std::string> every;
                for (const auto& p : campaign.activity("budget")->budget.projects) every.insert(p.id);
                CHECK(shown == every);
                // Every page but the last is full, and a full page holds two cards at least (three at standard
                // text in English).
                for (std::size_t page = 0; page + 1 < per_page.size(); ++page) {
                    CHECK(per_page[page] == per_page.front());
                    CHECK(per_page[page] >= (size == sv::TextSize::standard && language == "en" ? 3 : 2));
                }
                kiosk.tap("back");
                REQUIRE(kiosk.state().screen == Screen::welcome);
            }
    }
}

TEST_CASE("a 24-project ballot lays out cleanly on every page and its review in every language, at every text size") {
    const sv::Campaign campaign = demo_with_24_projects();
    int pages_checked = 0;
    for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
        TempFolder folder;
        HeadlessKiosk kiosk(folder.path(), width, height, campaign);
        kiosk.tap("start-budget");
        const sv::KioskState voting = kiosk.state();
        sv::KioskState reviewing = voting;
        reviewing.screen = Screen::ballot_review;
        for (int p = 0; p < 24; ++p) reviewing.ballot.chosen.push_back(p);  // every name, the long ones too
        for (const std::string language : {"en", "cy", "pl", "ur", "pa"})
            for (sv::TextSize size : {sv::TextSize::standard, sv::TextSize::large, sv::TextSize::very_large}) {
                const auto check = [&](const sv::KioskState& shown, const std::string& what) {
                    kiosk.state() = shown;
                    kiosk.state().language = language;
                    kiosk.state().text_size = size;
                    kiosk.frames(2);
                    ++pages_checked;
                    INFO(what << " in " << language << ", " << sv::text_size_key(size) << " at " << width << "x"
                              << height);
                    for (const std::string& problem :
                         sv::layout_problems(kiosk.app().targets(), kiosk.app().placed_text(),
                                             static_cast<float>(width), static_cast<float>(height)))
                        FAIL_CHECK(problem);
                };
                for (int page = 0;; ++page) {
                    sv::KioskState on_page = voting;
                    on_page.ballot_page = page;
                    check(on_page, "page " + std::to_string(page + 1));
                    if (!kiosk.can_touch("next-page")) break;
                }
                check(reviewing, "the review");
            }
    }
    CHECK(pages_checked > 200);
}

TEST_CASE("a project's long description is read a page at a time, every word of it, at very large text") {
    sv::Campaign campaign = sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
    std::string description;
    for (int i = 1; i <= 12; ++i)
        description += "Sentence " + std::to_string(i) +
                       " of the plan says what the benches are made of and where they go along the path. ";
    description.pop_back();
    for (auto& activity : campaign.activities)
        if (activity.id == "budget") activity.budget.projects[0].description.by_language["en"] = description;
    for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
        INFO(width << "x" << height);
        TempFolder folder;
        HeadlessKiosk kiosk(folder.path(), width, height, campaign);
        kiosk.tap("start-budget");
        kiosk.state().text_size = sv::TextSize::very_large;
        kiosk.frames(2);
        kiosk.tap_on_its_page("details-river-benches");
        REQUIRE(kiosk.state().screen == Screen::project_details);
        CHECK_FALSE(kiosk.can_touch("details-previous-page"));
        std::string read;
        int pages = 0;
        for (;;) {
            ++pages;
            for (const auto& placed : kiosk.app().placed_text().items)
                if (placed.text.size() > 20 && description.find(placed.text) != std::string::npos)
                    read += (read.empty() ? "" : " ") + placed.text;
            for (const std::string& problem :
                 sv::layout_problems(kiosk.app().targets(), kiosk.app().placed_text(), static_cast<float>(width),
                                     static_cast<float>(height)))
                FAIL_CHECK(problem);
            if (!kiosk.can_touch("details-next-page")) break;
            kiosk.tap("details-next-page");
        }
        CHECK(pages > 1);
        CHECK(read == description);
        // Back a page, then to the projects and into another: its description starts at its first page.
        kiosk.tap("details-previous-page");
        CHECK(kiosk.state().details_page == pages - 2);
        kiosk.tap("back");
        kiosk.tap_on_its_page("details-river-benches");
        CHECK(kiosk.state().details_page == 0);
    }
}
