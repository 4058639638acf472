// Ward councillors: `streetvoice-hub councillor NAME --ward W` gives a login that reads W's
// reports (comments included) and nothing else; each visit is in the activity log.
#include <catch2/catch.hpp>

#include "dashboard_visitor.hpp"
#include "running_hub.hpp"
#include "stall_day.hpp"
#include "temp_folder.hpp"

using sv::test::Stall;
using sv::test::TempFolder;

namespace {

constexpr const char* kPassword = "correct horse battery";
const std::string kCampaignPath = "/dashboard/campaigns/demo-riverside-budget-2026";

}  // namespace

TEST_CASE("a ward councillor reads their ward's report and comments, and no other page") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const sv::test::RunningHub& hub = on_store.hub;
    TempFolder folder;
    const std::string campaign_file = sv::test::riverside_day_on(
        hub, folder, {Stall{"Tesco, Bridge Street", "Riverside", 14, 12, 0}, Stall{"Gala", "Northfield", 12, 3, 0}});
    hub.add_organiser("sam", kPassword);
    hub.add_organiser("cllr.okafor", kPassword, "Northfield");

    sv::test::DashboardVisitor councillor(hub);
    REQUIRE(councillor.log_in("cllr.okafor", kPassword)->status == 303);
    auto home = councillor.get("/dashboard");
    REQUIRE(home->status == 200);
    CHECK_THAT(home->body, Catch::Contains("Reports for Northfield ward") &&
                               Catch::Contains("href=\"" + kCampaignPath + "/report/ward/Northfield\""));
    CHECK_THAT(home->body, !Catch::Contains("Activity log"));

    auto mine = councillor.get(kCampaignPath + "/report/ward/Northfield");
    REQUIRE(mine->status == 200);
    CHECK_THAT(mine->body, Catch::Contains("Report for Northfield ward") &&
                               Catch::Contains("What people in this ward said") && Catch::Contains("Comment number"));
    // Northfield's 3 ballots are too few to break down.
    CHECK_THAT(mine->body, Catch::Contains("3 ballots from this ward: fewer than 10"));
    // No way to the organisers' pages from it.
    CHECK_THAT(mine->body, !Catch::Contains("Back to the campaign's page"));

    // Every other page: another ward's report, the campaign's, its page, the exports, the log.
    for (const std::string& path : {kCampaignPath + "/report/ward/Riverside", kCampaignPath + "/report", kCampaignPath,
                                    kCampaignPath + "/responses.csv", kCampaignPath + "/tidy/budget.csv",
                                    kCampaignPath + "/budget.pb", std::string("/dashboard/activity")}) {
        INFO(path);
        auto refused = councillor.get(path);
        REQUIRE(refused);
        CHECK(refused->status == 403);
        CHECK_THAT(refused->body, Catch::Contains("you can read that ward's reports, and no other page"));
    }
    auto note = councillor.post(kCampaignPath + "/notes", {{"ward", "Northfield"}, {"said", "x"}, {"did", "y"}});
    REQUIRE(note);
    CHECK(note->status == 403);

    // The organiser sees the councillor's visit, and not the refused ones as reads.
    sv::test::DashboardVisitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string log = sam.get("/dashboard/activity")->body;
    CHECK_THAT(log, Catch::Contains("read the Northfield ward report of campaign demo-riverside-budget-2026"));
    CHECK_THAT(log, Catch::Contains("added councillor cllr.okafor for ward Northfield"));
    CHECK_THAT(log, !Catch::Contains("read the Riverside ward report"));

    // Made an organiser at the command line, the councillor's session ends at once.
    hub.add_organiser("cllr.okafor", kPassword);
    auto after = councillor.get(kCampaignPath + "/report/ward/Northfield");
    REQUIRE(after);
    CHECK(after->status == 303);
}

TEST_CASE("a councillor's ward must be named") {
    sv::test::RunningHub hub;
    std::string output;
    CHECK(hub.command("councillor", {"cllr.okafor"}, output) == 2);
    CHECK_THAT(output, Catch::Contains("--ward"));
    CHECK(hub.command("councillor", {"cllr.okafor", "--ward", ""}, output) == 2);
    CHECK_THAT(output, Catch::Contains("say which ward"));
}
