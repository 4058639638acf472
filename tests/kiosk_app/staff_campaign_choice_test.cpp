// Staff choose which of the campaigns their hub published runs on the kiosk, or two side by
// side, on the staff panel: from the next person on, and after a restart. Each answer is
// stored under the campaign its activity came from.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "campaign.hpp"
#include "data_directory.hpp"
#include "headless_kiosk.hpp"
#include "hub_campaign.hpp"
#include "kiosk_staff_desk.hpp"
#include "layout_check.hpp"
#include "staff_pin.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::StaffMode;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

const char* const kPlaceStandard = "demo-riverside-2026";
const char* const kBudget = "demo-riverside-budget-2026";
const char* const kFastLane = "demo-riverside-fast-lane-2026";

// A tablet whose hub published the three demo campaigns to it, the fast lane last, as sync
// leaves its answers file; `budget_rule`: the budget vote's eligibility rule, if not open.
void synced_with_three_campaigns(const std::string& data_dir, const std::string& budget_rule = "") {
    REQUIRE(sv::ensure_directory(data_dir).ok());
    auto store = sv::Store::open(sv::answers_file_in(data_dir));
    REQUIRE(store.ok());
    std::string listed;
    for (const char* file : {"demo-place-standard.json", "demo-riverside-budget.json", "demo-quick-poll.json"}) {
        auto doc = nlohmann::json::parse(sv::test::read_file(std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/" + file));
        for (auto& activity : doc["activities"])
            if (activity["id"] == "budget" && !budget_rule.empty()) activity["eligibility"] = {{"rule", budget_rule}};
        auto campaign = sv::parse_campaign(doc.dump(2), file);
        REQUIRE(campaign.ok());
        REQUIRE(store.value()
                    .remember_campaign(campaign.value().id, campaign.value().version, campaign.value().definition_json)
                    .ok());
        listed += campaign.value().id + "\n";
    }
    REQUIRE(store.value().save_setting(sv::hub_setting::published_campaigns, listed).ok());
    auto hash = sv::hash_staff_pin("2468");
    REQUIRE(hash.ok());
    REQUIRE(store.value().save_setting(sv::staff_setting::pin_hash, hash.value()).ok());
}

void open_campaign_choice(HeadlessKiosk& kiosk) {
    kiosk.hold_corner(3.5);
    kiosk.enter_pin("2468");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    kiosk.tap("staff-choose-campaign");
    REQUIRE(kiosk.state().stall.staff == StaffMode::choose_campaign);
}

// Chooses exactly `ids`, in order, and uses them.
void choose(HeadlessKiosk& kiosk, const std::vector<std::string>& ids) {
    open_campaign_choice(kiosk);
    const auto chosen = kiosk.state().stall.campaigns_chosen;
    for (const auto& id : chosen) kiosk.tap("staff-campaign-" + id);
    for (const auto& id : ids) kiosk.tap("staff-campaign-" + id);
    REQUIRE(kiosk.state().stall.campaigns_chosen == ids);
    kiosk.tap("staff-campaigns-use");
    REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
    kiosk.tap("staff-close");
    kiosk.frames(2);
}

const sv::StoredResponse& only_response(const std::vector<sv::StoredResponse>& stored, const std::string& activity) {
    const sv::StoredResponse* found = nullptr;
    for (const auto& response : stored)
        if (response.activity_id == activity) {
            REQUIRE(found == nullptr);
            found = &response;
        }
    REQUIRE(found != nullptr);
    return *found;
}

}  // namespace

TEST_CASE("staff choose which of the hub's campaigns runs, from the next person on and after a restart") {
    TempFolder folder;
    synced_with_three_campaigns(folder.path());
    {
        HeadlessKiosk kiosk(folder.path(), sv::test::RunsHubCampaign{});
        CHECK(kiosk.app().campaign().id == kFastLane);  // the one it learnt of last, until staff choose

        open_campaign_choice(kiosk);
        const auto& options = kiosk.state().stall.campaign_options;
        REQUIRE(options.size() == 3);
        CHECK(options[0].id == kFastLane);
        CHECK(options[0].running_as == 0);
        CHECK(options[0].title == "Riverside in a minute");
        CHECK(options[1].activities == "Choose projects, Rate your area");
        CHECK(kiosk.state().stall.campaigns_chosen == std::vector<std::string>{kFastLane});

        // None chosen: nothing to run.
        kiosk.tap(std::string("staff-campaign-") + kFastLane);
        CHECK_FALSE(kiosk.can_touch("staff-campaigns-use"));
        kiosk.tap(std::string("staff-campaign-") + kPlaceStandard);
        kiosk.tap("staff-campaigns-use");
        REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
        CHECK_THAT(kiosk.state().stall.staff_message, Catch::StartsWith("Chosen: How Good is Our Place?"));
        CHECK(kiosk.app().campaign().id == kFastLane);  // not while staff are on the panel
        kiosk.tap("staff-close");
        kiosk.frames(2);
        CHECK(kiosk.app().campaign().id == kPlaceStandard);
        CHECK(kiosk.can_touch("start-place"));
    }
    // Switched off and on: staff's choice, not the one learnt of last.
    HeadlessKiosk again(folder.path(), sv::test::RunsHubCampaign{});
    CHECK(again.app().campaign().id == kPlaceStandard);

    // A campaign the hub stops publishing to the kiosk gives way to one it still publishes.
    REQUIRE(again.store().save_setting(sv::hub_setting::published_campaigns, std::string(kBudget) + "\n").ok());
    auto choice = sv::hub_campaign_choice(again.store());
    REQUIRE(choice.ok());
    CHECK(choice.value().id == kBudget);
    CHECK_FALSE(choice.value().chosen_by_staff);
}

TEST_CASE("two campaigns side by side: each answer is stored under the campaign its activity came from") {
    TempFolder folder;
    synced_with_three_campaigns(folder.path());
    HeadlessKiosk kiosk(folder.path(), sv::test::RunsHubCampaign{});
    choose(kiosk, {kBudget, kFastLane});
    const sv::Campaign& running = kiosk.app().campaign();
    CHECK(running.id == kBudget);
    for (const char* start : {"start-budget", "start-place", "start-park-poll", "start-today-wanted"})
        CHECK(kiosk.can_touch(start));

    // A third cannot be chosen: the welcome screen would not hold it.
    open_campaign_choice(kiosk);
    kiosk.tap(std::string("staff-campaign-") + kPlaceStandard);
    CHECK(kiosk.state().stall.campaigns_chosen == std::vector<std::string>{kBudget, kFastLane});
    CHECK(kiosk.state().stall.staff_message == "Two campaigns at most: touch one to leave it out first.");
    kiosk.tap("staff-campaigns-back");
    kiosk.tap("staff-close");

    kiosk.tap("start-park-poll");
    kiosk.tap("poll-answer-1");
    kiosk.tap("send-answer");
    // "About you" is the first campaign's to ask, and the budget campaign asks none.
    REQUIRE(kiosk.state().screen == Screen::thanks);
    kiosk.tap("finish");
    kiosk.tap("start-budget");
    kiosk.tap("choose-river-benches");
    kiosk.tap("review");
    kiosk.tap("send");
    REQUIRE(kiosk.state().screen == Screen::thanks);

    const auto stored = kiosk.store().responses().value();
    const auto& poll = only_response(stored, "park-poll");
    CHECK(poll.campaign_id == kFastLane);
    const auto version_of = [](const std::string& file) { return sv::load_campaign_file(file).value().version; };
    CHECK(poll.campaign_version == version_of(std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json"));
    const auto& ballot = only_response(stored, "budget");
    CHECK(ballot.campaign_id == kBudget);
    CHECK(ballot.campaign_version == version_of(STREETVOICE_DEMO_BUDGET_CAMPAIGN));
    kiosk.tap("finish");

    // Both campaigns have an activity called "place": the first campaign's is the one offered.
    choose(kiosk, {kBudget, kPlaceStandard});
    const sv::Activity* place = kiosk.app().campaign().activity("place");
    REQUIRE(place != nullptr);
    CHECK(kiosk.app().campaign().answers_campaign(*place) == kBudget);
    CHECK(kiosk.app().campaign().activities.size() == 2);
    CHECK(kiosk.app().campaign().offered_beside.size() == 1);
}

TEST_CASE("the staff panel and the campaign choice fit with two campaigns and a staff-issued vote, at every size") {
    TempFolder folder;
    synced_with_three_campaigns(folder.path(), "staff-issued");
    {
        HeadlessKiosk kiosk(folder.path(), sv::test::RunsHubCampaign{});
        choose(kiosk, {kBudget, kFastLane});
    }
    for (const auto& [width, height] : {std::pair{1280, 800}, std::pair{800, 1280}}) {
        HeadlessKiosk kiosk(folder.path(), sv::test::RunsHubCampaign{}, width, height);
        REQUIRE(kiosk.app().campaign().activities.size() == 4);
        open_campaign_choice(kiosk);
        const sv::KioskState choosing = kiosk.state();
        kiosk.tap("staff-campaigns-back");
        REQUIRE(kiosk.state().stall.staff == StaffMode::panel);
        sv::KioskState panel = kiosk.state();
        // The longest message the panel shows, over everything else.
        panel.stall.staff_message =
            "Chosen: Riverside Decides and Riverside in a minute. They start with the next "
            "person and stay chosen after a restart.";
        for (const sv::KioskState& shown : {panel, choosing})
            for (sv::TextSize size : {sv::TextSize::standard, sv::TextSize::large, sv::TextSize::very_large}) {
                kiosk.state() = shown;
                kiosk.state().text_size = size;
                kiosk.frames(2);
                INFO(sv::text_size_key(size) << " at " << width << "x" << height);
                const bool on_panel = shown.stall.staff == StaffMode::panel;
                for (const char* needed : on_panel ? std::vector<const char*>{"staff-close-kiosk", "staff-issue-ballot",
                                                                              "staff-choose-campaign"}
                                                   : std::vector<const char*>{"staff-campaigns-use"})
                    CHECK(kiosk.can_touch(needed));
                for (const std::string& problem :
                     sv::layout_problems(kiosk.app().targets(), kiosk.app().placed_text(), static_cast<float>(width),
                                         static_cast<float>(height)))
                    FAIL_CHECK(problem);
            }
    }
}
