// A kiosk with no campaign file runs the campaign its hub published, with the real hub on
// 127.0.0.1 and the real `streetvoice sync`: a new version reaches it at its next sync and is
// taken up between people, never mid-response, and each ballot counts under its own version.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "headless_kiosk.hpp"
#include "hub_campaign.hpp"
#include "pabulib_reader.hpp"
#include "running_hub.hpp"
#include "staff_pin.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::run_program;
using sv::test::TempFolder;

namespace {

const char* const kCampaignId = "demo-riverside-budget-2026";

int demo_version() {
    return nlohmann::json::parse(sv::test::read_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN))["version"].get<int>();
}

// The demo campaign as `version`, its river benches at `benches_cost`: a change the count must see.
void publish_version(const sv::test::RunningHub& hub, const TempFolder& folder, int version, int benches_cost) {
    auto doc = nlohmann::json::parse(sv::test::read_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN));
    doc["version"] = version;
    for (auto& activity : doc["activities"]) {
        if (!activity.contains("projects")) continue;
        for (auto& project : activity["projects"])
            if (project["id"] == "river-benches") project["cost"] = benches_cost;
    }
    // The pictures go beside the file, as an organiser keeps them.
    if (!std::filesystem::exists(folder.file("pictures")))
        std::filesystem::copy(std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/pictures", folder.file("pictures"));
    const std::string path = folder.file("version-" + std::to_string(version) + ".json");
    sv::test::write_file(path, doc.dump(2));
    hub.publish(path);
}

void run_sync(const std::vector<std::string>& more) {
    std::vector<std::string> argv = {STREETVOICE_CLI_BINARY, "sync"};
    argv.insert(argv.end(), more.begin(), more.end());
    std::string output;
    const int code = run_program(argv, output);
    INFO(output);
    REQUIRE(code == 0);
}

// The version the response was stored under.
int stored_version(HeadlessKiosk& kiosk, const std::string& uuid) {
    auto found = kiosk.store().find_response(uuid);
    REQUIRE(found.ok());
    REQUIRE(found.value());
    return found.value()->campaign_version;
}

// The demo picture of the benches has a pale blue sky; nothing else on a page is that colour.
int sky_pixels(HeadlessKiosk& kiosk) {
    int count = 0;
    for (int y = 0; y < 800; y += 4)
        for (int x = 640; x < 1280; x += 4) count += kiosk.pixel(x, y) == 0xCFE6F5;
    return count;
}

void review_and_send(HeadlessKiosk& kiosk) {
    kiosk.tap("review");
    kiosk.tap("send");
    REQUIRE(kiosk.state().screen == Screen::thanks);
}

}  // namespace

TEST_CASE("hub campaign: a kiosk with no file runs the hub's, taking up a new version between people") {
    sv::test::RunningHub hub;
    TempFolder folder;
    const std::string data_dir = folder.file("tablet");
    const int first = demo_version(), second = first + 1;
    run_sync({"--data-dir", data_dir, "--hub", hub.url(), "--enrol", hub.enrolment_code("", {kCampaignId})});

    HeadlessKiosk kiosk(data_dir, sv::test::RunsHubCampaign{});
    CHECK(kiosk.app().campaign().id == kCampaignId);
    CHECK(kiosk.app().campaign().version == first);

    // Its pictures came with it: the benches' page shows the pale blue sky of their picture.
    kiosk.tap("start-budget");
    kiosk.tap("details-river-benches");
    CHECK(sky_pixels(kiosk) > 1000);
    kiosk.tap("back");

    // A citizen is half way through the ballot when the new version arrives.
    kiosk.tap("choose-river-benches");
    publish_version(hub, folder, second, 4000);
    run_sync({"--data-dir", data_dir});
    kiosk.frames(3);
    CHECK(kiosk.app().campaign().version == first);
    review_and_send(kiosk);
    const std::string under_first = kiosk.state().thanked_uuid;
    CHECK(stored_version(kiosk, under_first) == first);
    kiosk.tap("finish");
    kiosk.frames(2);
    REQUIRE(kiosk.state().screen == Screen::welcome);
    CHECK(kiosk.app().campaign().version == second);

    // The next person votes under the new version, its benches at the new price, pictured still.
    kiosk.tap("start-budget");
    kiosk.tap("details-river-benches");
    CHECK(sky_pixels(kiosk) > 1000);
    kiosk.tap("back");
    const auto& benches = kiosk.app().campaign().activity("budget")->budget;
    CHECK(benches.projects.at(static_cast<std::size_t>(benches.project_index("river-benches"))).cost == 4000);
    kiosk.tap("choose-river-benches");
    review_and_send(kiosk);
    const std::string under_second = kiosk.state().thanked_uuid;
    CHECK(stored_version(kiosk, under_second) == second);
    kiosk.tap("finish");

    // A kiosk left on its welcome screen takes up a newer version without anyone finishing.
    kiosk.frames(2);
    publish_version(hub, folder, second + 1, 3500);
    run_sync({"--data-dir", data_dir});
    kiosk.wait(10);
    CHECK(kiosk.app().campaign().version == second);
    kiosk.wait(25);
    CHECK(kiosk.app().campaign().version == second + 1);

    // Each ballot counts under its own version, on the kiosk and on the hub.
    std::string output;
    REQUIRE(run_program({STREETVOICE_CLI_BINARY, "pb", "export", "--data-dir", data_dir, "--campaign", kCampaignId,
                         "--out", folder.file("riverside.pb")},
                        output) == 0);
    INFO(output);
    for (const auto& [version, uuid, cost] :
         {std::tuple{first, under_first, std::string("6000")}, std::tuple{second, under_second, std::string("4000")}}) {
        const std::string v = std::to_string(version);
        INFO("version " << v);
        auto kiosk_file = sv::read_pabulib_file(folder.file("riverside-v" + v + ".pb"));
        REQUIRE(kiosk_file.ok());
        REQUIRE(kiosk_file.value().election.votes.rows.size() == 1);
        CHECK(kiosk_file.value().election.votes.rows[0].at(0) == uuid);
        run_sync({"--data-dir", data_dir});
        REQUIRE(run_program({STREETVOICE_HUB_BINARY, "export", "--db", hub.db(), "--campaign", kCampaignId, "--format",
                             "pb", "--campaign-version", v},
                            output) == 0);
        auto hub_file = sv::read_pabulib(output, "hub.pb");
        REQUIRE(hub_file.ok());
        REQUIRE(hub_file.value().election.votes.rows.size() == 1);
        CHECK(hub_file.value().election.votes.rows[0].at(0) == uuid);
        CHECK(hub_file.value().election.projects.rows.at(0).at(1) == cost);
    }
}

TEST_CASE("hub campaign: a kiosk that has never reached its hub runs its own file and tells staff") {
    TempFolder folder;
    auto store = sv::Store::open(sv::answers_file_in(folder.path()));
    REQUIRE(store.ok());
    auto choice = sv::hub_campaign_choice(store.value());
    REQUIRE(choice.ok());
    CHECK_FALSE(choice.value().heard_from_hub);
    CHECK_THAT(sv::hub_campaign_words(choice.value()), Catch::Contains("Hub not reached yet"));

    // The real kiosk, pointed at a hub nobody answers for: it starts on the file it was given.
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    std::string output;
    REQUIRE(run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("tablet"), "--hub", "http://127.0.0.1:9",
                         "--screenshots", folder.file("shots"), "--screen", "01-welcome"},
                        output) == 0);
    INFO(output);
    auto kept = sv::Store::open(sv::answers_file_in(folder.file("tablet")));
    REQUIRE(kept.ok());
    auto campaigns = kept.value().campaigns_newest_first();
    REQUIRE(campaigns.ok());
    REQUIRE(campaigns.value().size() == 1);
    CHECK(campaigns.value()[0].id == "demo-riverside-2026");
}

TEST_CASE("hub campaign: staff run two of the hub's campaigns side by side, each answer reaches its own") {
    sv::test::RunningHub hub;
    TempFolder folder;
    const std::string data_dir = folder.file("tablet");
    const char* const fast_lane = "demo-riverside-fast-lane-2026";
    // The hub publishes the demo budget vote, pictures and all, from the start.
    hub.publish(STREETVOICE_ASSETS_CAMPAIGNS "/demo-quick-poll.json");
    run_sync({"--data-dir", data_dir, "--hub", hub.url(), "--enrol", hub.enrolment_code("", {kCampaignId, fast_lane})});

    std::string poll_uuid, ballot_uuid;
    {
        HeadlessKiosk kiosk(data_dir, sv::test::RunsHubCampaign{});
        auto pin = sv::hash_staff_pin("2468");
        REQUIRE(pin.ok());
        REQUIRE(kiosk.store().save_setting(sv::staff_setting::pin_hash, pin.value()).ok());
        kiosk.hold_corner(3.5);
        kiosk.enter_pin("2468");
        kiosk.tap("staff-choose-campaign");
        REQUIRE(kiosk.state().stall.campaign_options.size() == 2);
        const auto running = kiosk.state().stall.campaigns_chosen;
        for (const auto& id : running) kiosk.tap("staff-campaign-" + id);
        kiosk.tap(std::string("staff-campaign-") + kCampaignId);
        kiosk.tap(std::string("staff-campaign-") + fast_lane);
        kiosk.tap("staff-campaigns-use");
        kiosk.tap("staff-close");
        kiosk.frames(2);
        CHECK(kiosk.app().campaign().id == kCampaignId);

        kiosk.tap("start-park-poll");
        kiosk.tap("poll-answer-0");
        kiosk.tap("send-answer");
        poll_uuid = kiosk.state().thanked_uuid;
        kiosk.tap("finish");
        kiosk.tap("start-budget");
        kiosk.tap("details-river-benches");
        CHECK(sky_pixels(kiosk) > 1000);  // the first campaign's pictures, as on its own
        kiosk.tap("back");
        kiosk.tap("choose-river-benches");
        review_and_send(kiosk);
        ballot_uuid = kiosk.state().thanked_uuid;
    }
    run_sync({"--data-dir", data_dir});
    const auto polls = hub.exported_rows(fast_lane);
    REQUIRE(polls.size() == 1);
    CHECK_THAT(polls[0], Catch::Contains(poll_uuid));
    const auto ballots = hub.exported_rows(kCampaignId);
    REQUIRE(ballots.size() == 1);
    CHECK_THAT(ballots[0], Catch::Contains(ballot_uuid));

    // Switched off and on, the kiosk still offers both.
    HeadlessKiosk again(data_dir, sv::test::RunsHubCampaign{});
    CHECK(again.can_touch("start-budget"));
    CHECK(again.can_touch("start-park-poll"));
}
