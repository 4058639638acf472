// The tidy CSV of one activity, read back by libcsv, an independent RFC 4180 parser: the
// columns expected, every answer in its own cell, events by place and ward, and cells a
// spreadsheet would run as formulas neutralised.
#include <csv.h>

#include <catch2/catch.hpp>

#include "budget_ballot.hpp"
#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "place_standard.hpp"
#include "quick_poll.hpp"
#include "running_hub.hpp"
#include "stall_day.hpp"
#include "uuid.hpp"

using sv::test::RunningHub;
using Table = std::vector<std::vector<std::string>>;

namespace {

Table read_csv(const std::string& text) {
    struct Reading {
        Table rows{{}};
    } reading;
    csv_parser parser;
    REQUIRE(csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) == 0);
    const auto field = [](void* data, std::size_t size, void* into) {
        static_cast<Reading*>(into)->rows.back().emplace_back(static_cast<const char*>(data), size);
    };
    const auto row_end = [](int, void* into) { static_cast<Reading*>(into)->rows.emplace_back(); };
    const std::size_t read = csv_parse(&parser, text.data(), text.size(), field, row_end, &reading);
    INFO(csv_strerror(csv_error(&parser)));
    CHECK(read == text.size());
    CHECK(csv_fini(&parser, field, row_end, &reading) == 0);
    csv_free(&parser);
    reading.rows.pop_back();  // the empty row after the last line's end
    return reading.rows;
}

const std::vector<std::string> kCommon{"response_id", "answered_at",   "received_at", "event",
                                       "ward",        "event_started", "device",      "campaign_version"};

std::vector<std::string> with_common(std::vector<std::string> own) {
    std::vector<std::string> header = kCommon;
    header.insert(header.end(), own.begin(), own.end());
    return header;
}

}  // namespace

TEST_CASE("tidy csv: a Place Standard activity, one column per theme, comments apart, formulas neutralised") {
    RunningHub hub;
    const std::string file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-young-voices.json";
    const sv::Campaign campaign = sv::load_campaign_file(file).value();
    hub.publish(file);
    sv::PlaceStandardAnswers child;
    child.version = sv::PlaceStandardVersion::children;
    child.ratings[0] = 3;
    child.ratings[13] = 1;
    child.comments[0] = "=HYPERLINK(\"http://example.com\",\"click\")";
    child.comments[5] = "Swings, slides,\nand a \"big\" climbing frame";
    const std::string uuid = sv::new_uuid();
    sv::test::record_and_sync(
        hub, file, "Riverside Primary", "Riverside",
        {{uuid, campaign.id, campaign.version, "children", sv::place_standard_payload(child), {}}});

    const Table table = read_csv(hub.exported(campaign.id, "tidy-csv"));  // the first activity: the children's
    REQUIRE(table.size() == 2);
    std::vector<std::string> own;
    for (const auto& theme : sv::place_standard_themes(sv::PlaceStandardVersion::children)) own.push_back(theme.title);
    for (const auto& theme : sv::place_standard_themes(sv::PlaceStandardVersion::children))
        own.push_back(std::string(theme.title) + ": comment");
    CHECK(table[0] == with_common(own));
    const auto& row = table[1];
    REQUIRE(row.size() == table[0].size());
    CHECK(row[0] == uuid);
    CHECK(row[3] == "Riverside Primary");
    CHECK(row[4] == "Riverside");
    CHECK(row[7] == std::to_string(campaign.version));
    CHECK(row[8] == "3");   // Getting around
    CHECK(row[9].empty());  // Buses and trains: skipped
    CHECK(row[8 + 13] == "1");
    CHECK(row[8 + 14] == "'=HYPERLINK(\"http://example.com\",\"click\")");  // shown as text, never run
    CHECK(row[8 + 14 + 5] == "Swings, slides,\nand a \"big\" climbing frame");
}

TEST_CASE("tidy csv: a quick poll's answer in words, a scale pair's two numbers, about you in words") {
    RunningHub hub;
    const std::string file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json";
    const sv::Campaign campaign = sv::load_campaign_file(file).value();
    hub.publish(file);
    sv::test::record_and_sync(
        hub, file, "Tesco, Bridge Street", "Riverside",
        {{sv::new_uuid(), campaign.id, campaign.version, "park-poll", sv::quick_poll_payload(3), {}},
         {sv::new_uuid(), campaign.id, campaign.version, "today-wanted", sv::scale_pair_payload(2, 6), {}},
         {sv::new_uuid(),
          campaign.id,
          campaign.version,
          sv::kAboutYouActivity,
          R"({"answers":{"age":"2","disability":"prefer-not-to-say","district":"RV1"}})",  // as the kiosk writes it
          {}}});

    const Table poll = read_csv(hub.exported(campaign.id, "tidy-csv", "park-poll"));
    REQUIRE(poll.size() == 2);
    CHECK(poll[0] == with_common({"answer"}));
    CHECK(poll[1][8] == "Toilets");
    CHECK(poll[1][3] == "Tesco, Bridge Street");

    const Table scales = read_csv(hub.exported(campaign.id, "tidy-csv", "today-wanted"));
    REQUIRE(scales.size() == 2);
    CHECK(scales[0] == with_common({"today", "wanted"}));
    CHECK(scales[1][8] == "2");
    CHECK(scales[1][9] == "6");

    const Table about = read_csv(hub.exported(campaign.id, "tidy-csv", "about-you"));
    REQUIRE(about.size() == 2);
    std::vector<std::string> questions;
    for (const auto& q : campaign.about_you.questions) questions.push_back(q.text.in("en"));
    CHECK(about[0] == with_common(questions));
    CHECK(about[1][8] == campaign.about_you.questions[0].options[2].in("en"));  // an age band, in words
    CHECK(about[1][9] == "RV1");
    CHECK(about[1][10] == "Prefer not to say");

    // The dashboard offers the same file, to organisers only.
    hub.add_organiser("sam", "correct horse battery");
    sv::test::DashboardVisitor sam(hub);
    const std::string path = "/dashboard/campaigns/" + campaign.id + "/tidy/park-poll.csv";
    CHECK(sam.get(path)->status == 303);  // to the login page
    REQUIRE(sam.log_in("sam", "correct horse battery")->status == 303);
    const auto download = sam.get(path);
    REQUIRE(download);
    CHECK(download->status == 200);
    CHECK(download->body == hub.exported(campaign.id, "tidy-csv", "park-poll"));
    CHECK(sam.get("/dashboard/campaigns/" + campaign.id + "/tidy/bike-poll.csv")->status == 404);

    // An activity the campaign lacks is named, with those it has.
    std::string output;
    CHECK(sv::test::run_program({STREETVOICE_HUB_BINARY, "export", "--db", hub.db(), "--campaign", campaign.id,
                                 "--format", "tidy-csv", "--activity", "bike-poll"},
                                output) == 2);
    CHECK_THAT(output, Catch::Contains("The campaign has no activity \"bike-poll\". Its activities: park-poll, "
                                       "today-wanted, and about-you."));
}

TEST_CASE("tidy csv: a budget vote, one column per project, 1 where chosen") {
    RunningHub hub;
    const std::string file = STREETVOICE_DEMO_BUDGET_CAMPAIGN;
    const sv::Campaign campaign = sv::load_campaign_file(file).value();
    hub.publish(file);
    const sv::BudgetVote& vote = campaign.activity("budget")->budget;
    sv::BudgetBallot ballot;
    ballot.chosen = {2, 0};
    sv::test::record_and_sync(
        hub, file, "Library", "",
        {{sv::new_uuid(), campaign.id, campaign.version, "budget", sv::ballot_payload(vote, ballot), {}}});
    const Table table = read_csv(hub.exported(campaign.id, "tidy-csv", "budget"));
    REQUIRE(table.size() == 2);
    std::vector<std::string> own;
    for (const auto& p : vote.projects) own.push_back(p.name.in("en"));
    own.push_back("voter_code_flag");
    CHECK(table[0] == with_common(own));
    for (std::size_t p = 0; p < vote.projects.size(); ++p) {
        INFO(vote.projects[p].name.in("en"));
        CHECK(table[1][8 + p] == (p == 0 || p == 2 ? "1" : ""));
    }
    CHECK(table[1][4].empty());  // the event gave no ward
}
