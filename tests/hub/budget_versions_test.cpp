// A budget vote whose projects changed between published versions, on the real hub: each
// ballot counts against the version it was cast under, on the dashboard, in its downloads and
// in `streetvoice-hub export`.
#include <catch2/catch.hpp>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "demo_responses.hpp"
#include "pabulib_reader.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

using sv::test::TempFolder;

namespace {

const char* const kCampaignId = "demo-riverside-budget-2026";
constexpr const char* kPassword = "correct horse battery";

nlohmann::json demo_budget_definition() {
    std::ifstream in(STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

// The demo campaign's next version, its first project cheaper: a change that counts.
std::string publish_cheaper_benches(const sv::test::RunningHub& hub, const TempFolder& folder) {
    auto doc = demo_budget_definition();
    doc["version"] = doc["version"].get<int>() + 1;
    for (auto& activity : doc["activities"]) {
        if (activity["id"] != "budget") continue;
        activity["projects"][0]["cost"] = 4000;
        for (auto& project : activity["projects"]) project.erase("image");
    }
    const std::string path = folder.file("cheaper-benches.json");
    std::ofstream(path) << doc.dump(2);
    hub.publish(path);
    return path;
}

void send_ballots(const sv::test::RunningHub& hub, int version, int count, std::uint64_t seed) {
    const auto [device, token] = hub.enrol();
    sv::ResponseBatch batch;
    for (int i = 0; i < count; ++i) {
        const auto draft = sv::test::budget_draft(seed + static_cast<std::uint64_t>(i));
        batch.responses.push_back({draft.uuid, kCampaignId, version, "budget", sv::new_uuid(), device,
                                   "2026-11-28T10:00:00Z", draft.payload});
    }
    auto res = hub.client().Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, sv::batch_json(batch),
                                 "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    auto reply = sv::parse_reply(res->body, batch);
    REQUIRE(reply.ok());
    for (const auto& result : reply.value().results) {
        INFO(result.reason);
        REQUIRE(result.verdict != sv::Verdict::rejected);
    }
}

struct PbFile {
    std::size_t ballots = 0;
    std::string first_project_cost;
};

PbFile read_pb(const std::string& text) {
    auto reading = sv::read_pabulib(text, "downloaded.pb");
    INFO(text);
    REQUIRE(reading.ok());
    return {reading.value().election.votes.rows.size(), reading.value().election.projects.rows.at(0).at(1)};
}

// `streetvoice-hub export --format pb` with more options: its exit code, and output in `output`.
int hub_export_pb(const sv::test::RunningHub& hub, std::vector<std::string> more, std::string& output) {
    std::vector<std::string> argv = {STREETVOICE_HUB_BINARY, "export",    "--db",     hub.db(),
                                     "--campaign",           kCampaignId, "--format", "pb"};
    argv.insert(argv.end(), more.begin(), more.end());
    return sv::test::run_program(argv, output);
}

}  // namespace

TEST_CASE("hub: ballots cast under versions with different costs are counted and exported per version") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto& hub = on_store.hub;
    TempFolder folder;
    const int first = demo_budget_definition()["version"].get<int>();
    const int second = first + 1;
    send_ballots(hub, first, 3, 100);
    publish_cheaper_benches(hub, folder);
    send_ballots(hub, second, 2, 200);

    std::string output;
    CHECK(hub_export_pb(hub, {}, output) != 0);
    CHECK_THAT(output,
               Catch::Contains("were cast under versions " + std::to_string(first) + " and " + std::to_string(second)));
    CHECK_THAT(output, Catch::Contains("--campaign-version"));
    for (const auto& [version, ballots, cost] : {std::tuple{first, std::size_t{3}, std::string("6000")},
                                                 std::tuple{second, std::size_t{2}, std::string("4000")}}) {
        INFO("version " << version);
        REQUIRE(hub_export_pb(hub, {"--campaign-version", std::to_string(version)}, output) == 0);
        const PbFile exported = read_pb(output);
        CHECK(exported.ballots == ballots);
        CHECK(exported.first_project_cost == cost);
    }
    CHECK(hub_export_pb(hub, {"--campaign-version", "7"}, output) != 0);

    hub.add_organiser("sam@council.example", kPassword);
    sv::test::DashboardVisitor sam(hub);
    REQUIRE(sam.log_in("sam@council.example", kPassword));
    const std::string campaign_path = std::string("/dashboard/campaigns/") + kCampaignId;
    std::string html;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    do {
        auto res = sam.get(campaign_path);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        html = res->body;
    } while ((html.find("data-count=\"under-way\"") != std::string::npos ||
              html.find("data-count=\"recounting\"") != std::string::npos) &&
             std::chrono::steady_clock::now() < deadline);
    for (const auto& [version, ballots, cost] : {std::tuple{first, std::size_t{3}, std::string("6000")},
                                                 std::tuple{second, std::size_t{2}, std::string("4000")}}) {
        const std::string v = std::to_string(version);
        INFO("version " << v);
        CHECK_THAT(html, Catch::Contains("id=\"budget-budget-v" + v + "\""));
        CHECK_THAT(html, Catch::Contains("ballots cast under version " + v + "</h2>"));
        const std::string link = campaign_path + "/budget/version-" + v + ".pb";
        CHECK_THAT(html, Catch::Contains("href=\"" + link + "\""));
        auto pb = sam.get(link);
        REQUIRE(pb);
        REQUIRE(pb->status == 200);
        CHECK_THAT(pb->get_header_value("Content-Disposition"),
                   Catch::Contains(std::string(kCampaignId) + "-budget-v" + v + ".pb"));
        const PbFile downloaded = read_pb(pb->body);
        CHECK(downloaded.ballots == ballots);
        CHECK(downloaded.first_project_cost == cost);
    }
    CHECK_THAT(html, Catch::Contains("3 ballots counted"));
    CHECK_THAT(html, Catch::Contains("2 ballots counted"));
    // One file for every ballot would count them against one version's projects.
    auto whole = sam.get(campaign_path + "/budget.pb");
    REQUIRE(whole);
    CHECK(whole->status == 404);
    CHECK_THAT(whole->body, Catch::Contains("Choose version"));
}

TEST_CASE("hub: ballots cast under versions that asked alike make one .pb file") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto& hub = on_store.hub;
    TempFolder folder;
    const int first = demo_budget_definition()["version"].get<int>();
    send_ballots(hub, first, 3, 300);
    // The next version changes only the campaign's wording elsewhere.
    auto doc = demo_budget_definition();
    doc["version"] = first + 1;
    for (auto& activity : doc["activities"])
        if (activity.contains("projects"))
            for (auto& project : activity["projects"]) project.erase("image");
    doc["title"] = "Riverside Decides (second edition)";
    const std::string path = folder.file("reworded.json");
    std::ofstream(path) << doc.dump(2);
    hub.publish(path);
    send_ballots(hub, first + 1, 2, 400);

    std::string output;
    REQUIRE(hub_export_pb(hub, {}, output) == 0);
    CHECK(read_pb(output).ballots == 5);
    CHECK(hub_export_pb(hub, {"--campaign-version", std::to_string(first)}, output) != 0);
    CHECK_THAT(output, Catch::Contains("without a version"));
}
