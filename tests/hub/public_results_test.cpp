// The public results page: off until an organiser switches it on at the command line, then
// anyone's without a login, cacheable, with no comments, no breakdown and no small group.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "campaign.hpp"

#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "pabulib_reader.hpp"
#include "running_hub.hpp"
#include "sha256.hpp"
#include "stall_day.hpp"
#include "temp_folder.hpp"

using sv::test::Stall;
using sv::test::TempFolder;

namespace {

constexpr const char* kCampaign = "demo-riverside-budget-2026";

// The public page once its budget count is done: a new vote's first count runs beside the
// page, which says so (and waits a moment for it) until it is.
std::string counted_public_page(httplib::Client& client, const std::string& path) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    for (;;) {
        auto res = client.Get(path);
        REQUIRE(res);
        REQUIRE(res->status == 200);
        if (res->body.find("data-count=\"under-way\"") == std::string::npos ||
            std::chrono::steady_clock::now() > deadline)
            return res->body;
    }
}

}  // namespace

TEST_CASE("public results: off by default, then anyone's, with no comments and no group under 10") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const sv::test::RunningHub& hub = on_store.hub;
    TempFolder folder;
    const std::string campaign_file = sv::test::riverside_with_about_you(folder);
    hub.publish(campaign_file);
    // 24 people rate the area with comments; only 6 vote, too few to show.
    sv::test::hold_stalls_and_sync(
        hub, campaign_file,
        {Stall{"Tesco, Bridge Street", "Riverside", 14, 4, 0}, Stall{"Gala", "Northfield", 10, 2, 0}}, 2026);
    auto client = hub.client();
    const std::string path = std::string("/results/") + kCampaign;

    auto off = client.Get(path);
    REQUIRE(off);
    CHECK(off->status == 404);
    CHECK_THAT(off->body, Catch::Contains("There are no public results at this address"));
    CHECK(client.Get("/results/no-such-campaign")->status == 404);

    std::string output;
    CHECK(hub.command("public", {"--campaign", "no-such-campaign", "on"}, output) == 2);
    CHECK_THAT(output, Catch::Contains("no-such-campaign"));
    REQUIRE(hub.command("public", {"--campaign", kCampaign, "on"}, output) == 0);
    CHECK_THAT(output, Catch::Contains("/results/demo-riverside-budget-2026"));

    auto on = client.Get(path);
    REQUIRE(on);
    REQUIRE(on->status == 200);
    CHECK(on->get_header_value("Cache-Control") == "public, max-age=300");
    CHECK(on->get_header_value("Set-Cookie").empty());
    CHECK_THAT(on->get_header_value("Content-Security-Policy"), Catch::Contains("default-src 'none'"));
    const std::string html = counted_public_page(client, path);
    CHECK_THAT(html, Catch::Contains("24 responses. Each theme is rated"));
    CHECK_THAT(html, Catch::Contains("<svg class=\"compass\"") && Catch::Contains("lowest"));
    CHECK_THAT(html, Catch::Contains("6 ballots so far. Results show from 10"));
    CHECK_THAT(html, !Catch::Contains("data-project="));
    // No comments, no ward or event broken down, no organiser's name, nothing to press.
    CHECK_THAT(html, !Catch::Contains("Comment number") && !Catch::Contains("Northfield") &&
                         !Catch::Contains("By ward") && !Catch::Contains("<form") && !Catch::Contains("download"));

    REQUIRE(hub.command("public", {"--campaign", kCampaign, "off"}, output) == 0);
    CHECK(client.Get(path)->status == 404);

    // The administrator's switching is in the activity log.
    hub.add_organiser("sam", "correct horse battery");
    sv::test::DashboardVisitor sam(hub);
    REQUIRE(sam.log_in("sam", "correct horse battery")->status == 303);
    const std::string log = sam.get("/dashboard/activity")->body;
    CHECK_THAT(log, Catch::Contains("made the results of campaign demo-riverside-budget-2026 public") &&
                        Catch::Contains("took the results of campaign demo-riverside-budget-2026 off the public page"));
}

TEST_CASE("public results: a budget vote of 10 ballots or more shows its outcome, funded or not") {
    sv::test::RunningHub hub;
    TempFolder folder;
    const std::string campaign_file =
        sv::test::riverside_day_on(hub, folder, {Stall{"Tesco, Bridge Street", "Riverside", 12, 30, 0}});
    std::string output;
    REQUIRE(hub.command("public", {"--campaign", kCampaign, "on"}, output) == 0);
    auto client = hub.client();
    const std::string html = counted_public_page(client, std::string("/results/") + kCampaign);
    const auto projects = sv::load_campaign_file(campaign_file).value().activity("budget")->budget.projects.size();
    int rows = 0;
    for (auto at = html.find("<tr data-project="); at != std::string::npos; at = html.find("<tr data-project=", at + 1))
        ++rows;
    CHECK(rows == static_cast<int>(projects));
    CHECK_THAT(html, Catch::Contains("30 ballots") && Catch::Contains("funded by most votes first") &&
                         Catch::Contains("<span class=\"yes\">Funded</span>") && Catch::Contains("Not funded"));
}

TEST_CASE("public results: each budget vote publishes its ballots, their SHA-256, the rule and what it funds") {
    sv::test::RunningHub hub;
    TempFolder folder;
    sv::test::riverside_day_on(hub, folder, {Stall{"Tesco, Bridge Street", "Riverside", 12, 30, 0}});
    auto client = hub.client();
    const std::string ballots_path = std::string("/results/") + kCampaign + "/ballots/budget-budget.pb";
    // Not while the results are not public.
    auto hidden = client.Get(ballots_path);
    REQUIRE(hidden);
    CHECK(hidden->status == 404);
    std::string output;
    REQUIRE(hub.command("public", {"--campaign", kCampaign, "on"}, output) == 0);
    const std::string html = counted_public_page(client, std::string("/results/") + kCampaign);
    CHECK_THAT(html, Catch::Contains("Check this result yourself") && Catch::Contains(ballots_path));

    auto pb = client.Get(ballots_path);
    REQUIRE(pb);
    REQUIRE(pb->status == 200);
    // The page gives the file's SHA-256, and the file is the one the organiser exports.
    CHECK_THAT(html, Catch::Contains("<code class=\"sha256\">" + sv::sha256_hex(pb->body) + "</code>"));
    CHECK(pb->body == hub.exported(kCampaign, "pb"));
    // `streetvoice pb outcome` on the published file gives the published outcome.
    const std::string file = folder.file("published.pb");
    {
        std::ofstream out(file, std::ios::binary);
        out << pb->body;
    }
    REQUIRE(sv::test::run_program({STREETVOICE_CLI_BINARY, "pb", "outcome", "--rule", "greedy", file}, output) == 0);
    std::string funded;
    for (std::size_t at = 0, end; (end = output.find('\n', at)) != std::string::npos; at = end + 1)
        funded += (funded.empty() ? "" : ", ") + ("<code>" + output.substr(at, end - at) + "</code>");
    CHECK_THAT(html, Catch::Contains("Funded, in order: " + funded + "."));
    CHECK_THAT(html, Catch::Contains("streetvoice pb outcome --rule greedy"));
    // Nothing in it names a person or a moment: voter ids are random UUIDs in UUID order, and
    // the vote's dates are whole days.
    const auto reading = sv::read_pabulib(pb->body, "published.pb");
    REQUIRE(reading.ok());
    std::vector<std::string> voters;
    for (const auto& row : reading.value().election.votes.rows) voters.push_back(row[0]);
    CHECK(voters.size() == 30);
    CHECK(std::is_sorted(voters.begin(), voters.end()));
    CHECK_THAT(pb->body, !Catch::Matches("(.|\n)*T[0-9][0-9]:[0-9][0-9](.|\n)*"));
    CHECK_THAT(pb->body, Catch::Matches("(.|\n)*date_begin;[0-9][0-9]\\.[0-9][0-9]\\.[0-9]{4}\n(.|\n)*"));
}
