// The staff-only results of the current event, from the staff panel: counted from the
// answers file for this event alone, small groups hidden as on the hub.
#include <algorithm>
#include <catch2/catch.hpp>
#include <map>
#include <nlohmann/json.hpp>

#include "headless_kiosk.hpp"
#include "staff_pin.hpp"
#include "stall_day.hpp"
#include "temp_folder.hpp"

using sv::StaffMode;
using sv::test::HeadlessKiosk;
using sv::test::Stall;
using sv::test::TempFolder;

namespace {

bool on_screen(HeadlessKiosk& kiosk, const std::string& words) {
    for (const auto& text : kiosk.app().placed_text().items)
        if (text.text.find(words) != std::string::npos) return true;
    return false;
}

void open_results(HeadlessKiosk& kiosk) {
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    kiosk.tap("staff-results");
    REQUIRE(kiosk.state().stall.staff == StaffMode::event_results);
}

double median(std::vector<int> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

}  // namespace

TEST_CASE("staff see this event's compass and votes per project, and nothing of a group under 10") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 800, 1280, sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value());
    const sv::Campaign& campaign = kiosk.app().campaign();
    auto hash = sv::hash_staff_pin("2468");
    REQUIRE(hash.ok());
    REQUIRE(kiosk.store().save_setting(sv::staff_setting::pin_hash, hash.value()).ok());

    // An earlier event's answers do not count; this event's do.
    REQUIRE(kiosk.store().start_event("Morning stall", "Northfield", "AB").ok());
    for (const auto& draft : sv::test::drafts_for_stall(campaign, Stall{"", "", 6, 4, 0}, 1))
        REQUIRE(kiosk.store().record_response(draft).ok());
    REQUIRE(kiosk.store().start_event("Tesco, Bridge Street", "Riverside", "AB").ok());
    const auto drafts = sv::test::drafts_for_stall(campaign, Stall{"", "", 13, 11, 0}, 2);
    for (const auto& draft : drafts) REQUIRE(kiosk.store().record_response(draft).ok());

    // What the test expects, worked out from the drafts themselves.
    std::array<std::vector<int>, sv::kThemeCount> ratings;
    std::map<std::string, int> ticks;
    for (const auto& draft : drafts) {
        const auto doc = nlohmann::json::parse(draft.payload);
        if (doc.contains("themes")) {
            for (std::size_t t = 0; t < sv::kThemeCount; ++t)
                if (doc["themes"][t]["rating"].is_number()) ratings[t].push_back(doc["themes"][t]["rating"]);
        } else {
            for (const auto& project : doc["projects"]) ++ticks[project.get<std::string>()];
        }
    }

    open_results(kiosk);
    const sv::EventResults& results = kiosk.state().stall.event_results;
    REQUIRE(results.place_standard.responses == 13);
    REQUIRE(results.place_standard.shown());
    for (std::size_t t = 0; t < sv::kThemeCount; ++t) {
        INFO(sv::place_standard_themes()[t].key);
        CHECK(results.place_standard.themes[t].rated == static_cast<int>(ratings[t].size()));
        CHECK(results.place_standard.themes[t].median == Approx(median(ratings[t])));
    }
    REQUIRE(results.budgets.size() == 1);
    CHECK(results.budgets[0].ballots == 11);
    const auto& budget = campaign.activities[0].type == sv::ActivityType::budget_vote ? campaign.activities[0].budget
                                                                                      : campaign.activities[1].budget;
    for (const auto& project : budget.projects) {
        const std::string name = project.name.in("en");
        const auto shown = std::find_if(results.budgets[0].projects.begin(), results.budgets[0].projects.end(),
                                        [&](const sv::ProjectVotes& p) { return p.name == name; });
        REQUIRE(shown != results.budgets[0].projects.end());
        CHECK(shown->votes == std::to_string(ticks[project.id]));
    }
    kiosk.frames(2);
    CHECK(on_screen(kiosk, "Results for this event"));
    CHECK(on_screen(kiosk, "13 people rated the area"));
    CHECK(on_screen(kiosk, "11 people voted. How many chose each project:"));

    kiosk.tap("staff-results-back");
    CHECK(kiosk.state().stall.staff == StaffMode::panel);

    // A new event with a few answers: only how many.
    REQUIRE(kiosk.store().start_event("Library", "Riverside", "AB").ok());
    for (const auto& draft : sv::test::drafts_for_stall(campaign, Stall{"", "", 4, 2, 0}, 3))
        REQUIRE(kiosk.store().record_response(draft).ok());
    kiosk.tap("staff-close");
    open_results(kiosk);
    CHECK(kiosk.state().stall.event_results.place_standard.responses == 4);
    CHECK_FALSE(kiosk.state().stall.event_results.place_standard.shown());
    CHECK(kiosk.state().stall.event_results.budgets.at(0).projects.empty());
    kiosk.frames(2);
    CHECK(on_screen(kiosk, "4 people have rated the area so far"));
    CHECK_FALSE(on_screen(kiosk, "people voted."));
}
