// The organisers' dashboard on the real hub (127.0.0.1), fed by a real kiosk's sync: login,
// the results by ward and event with small groups hidden, the downloads, and the budget
// outcome checked against `streetvoice pb outcome` on the downloaded .pb.
#include <httplib.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdlib>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "budget_ballot.hpp"
#include "campaign_tally.hpp"
#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "gzip_body.hpp"
#include "open_hub_store.hpp"
#include "place_standard.hpp"
#include "quick_poll.hpp"
#include "running_hub.hpp"
#include "stall_day.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

using sv::test::RunningHub;
using Visitor = sv::test::DashboardVisitor;
using sv::test::Stall;
using sv::test::TempFolder;

namespace {

constexpr const char* kPassword = "correct horse battery";

std::string page(Visitor& visitor, const std::string& path) {
    auto res = visitor.get(path);
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    return res->body;
}

// The page once its budget counts are done: a count still under way (or a recount) says so on
// the page, which itself waits a moment for it; a slow machine (a sanitizer build) may need
// a few loads.
std::string counted_page(Visitor& visitor, const std::string& path) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    std::string body = page(visitor, path);
    while ((body.find("data-count=\"under-way\"") != std::string::npos ||
            body.find("data-count=\"recounting\"") != std::string::npos) &&
           std::chrono::steady_clock::now() < deadline)
        body = page(visitor, path);
    return body;
}

int occurrences(const std::string& text, const std::string& part) {
    int n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

// The median as the dashboard should give it, worked out here from the CSV's payloads.
std::string median_text(std::vector<int> ratings) {
    std::sort(ratings.begin(), ratings.end());
    const double place = 0.5 * static_cast<double>(ratings.size() - 1);
    const auto below = static_cast<std::size_t>(place);
    const double median = ratings[below] + (place - static_cast<double>(below)) *
                                               (ratings[std::min(below + 1, ratings.size() - 1)] - ratings[below]);
    char text[16];
    std::snprintf(text, sizeof text, median == static_cast<int>(median) ? "%.0f" : "%.1f", median);
    return text;
}

// Funded project ids by rule, as the dashboard's budget table marks them.
std::map<std::string, std::vector<std::string>> funded_on_page(const std::string& html) {
    std::map<std::string, std::vector<std::string>> funded;
    const std::regex row(R"re(data-project="([^"]+)" data-greedy="(\w+)" data-equal-shares="(\w+)")re");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator(); ++it) {
        if ((*it)[2] == "funded") funded["greedy"].push_back((*it)[1]);
        if ((*it)[3] == "funded") funded["mes-add1"].push_back((*it)[1]);
    }
    return funded;
}

std::vector<std::string> cli_outcome(const std::string& rule, const std::string& pb_file) {
    std::string output;
    REQUIRE(sv::test::run_program({STREETVOICE_CLI_BINARY, "pb", "outcome", "--rule", rule, pb_file}, output) == 0);
    std::vector<std::string> ids;
    std::size_t start = 0;
    for (std::size_t end; (end = output.find('\n', start)) != std::string::npos; start = end + 1)
        ids.push_back(output.substr(start, end - start));
    return ids;
}

// Ballots (project indices) for a campaign's budget vote, sent straight to the hub as one
// enrolled kiosk's batch.
void send_ballots(const RunningHub& hub, const std::string& campaign_file,
                  const std::vector<std::vector<int>>& ballots) {
    const auto campaign = sv::load_campaign_file(campaign_file).value();
    const auto& vote = campaign.activity("budget")->budget;
    const auto [device, token] = hub.enrol();
    sv::ResponseBatch batch;
    for (const auto& chosen : ballots) {
        sv::BudgetBallot ballot;
        ballot.chosen = chosen;
        batch.responses.push_back({sv::new_uuid(), campaign.id, campaign.version, "budget", sv::new_uuid(), device,
                                   "2026-11-22T10:05:00Z", sv::ballot_payload(vote, ballot)});
    }
    httplib::Headers headers{{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}};
    auto res =
        hub.client().Post(sv::api_path::batch, headers, sv::gzip_compress(sv::batch_json(batch)), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    REQUIRE(res->body.find("\"rejected\"") == std::string::npos);
}

// Place Standard answers sent straight to the hub as one enrolled kiosk's batch: the hub's
// verdict on each.
sv::BatchReply send_place_standard(const RunningHub& hub, const sv::Campaign& campaign, const std::string& activity,
                                   const std::vector<sv::PlaceStandardAnswers>& responses,
                                   const std::vector<std::string>& device_times = {}) {
    const auto [device, token] = hub.enrol();
    sv::ResponseBatch batch;
    for (std::size_t i = 0; i < responses.size(); ++i)
        batch.responses.push_back({sv::new_uuid(), campaign.id, campaign.version, activity, sv::new_uuid(), device,
                                   i < device_times.size() ? device_times[i] : "2026-11-22T10:05:00Z",
                                   sv::place_standard_payload(responses[i])});
    httplib::Headers headers{{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}};
    auto res =
        hub.client().Post(sv::api_path::batch, headers, sv::gzip_compress(sv::batch_json(batch)), "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto reply = sv::parse_reply(res->body, batch);
    REQUIRE(reply);
    return reply.value();
}

}  // namespace

TEST_CASE(
    "dashboard: a day of stalls by ward and event, small groups hidden, both downloads, the budget outcome "
    "as `streetvoice pb outcome` gives it") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    TempFolder folder;
    const std::string campaign_file = sv::test::riverside_with_about_you(folder);
    hub.publish(campaign_file);
    hub.add_organiser("sam", kPassword);
    sv::test::hold_stalls_and_sync(
        hub, campaign_file,
        {Stall{"Tesco, Bridge Street", "Riverside", 14, 30, 25}, Stall{"Riverside Library", "Riverside", 8, 6, 2},
         Stall{"Northfield Gala", "Northfield", 11, 9, 3}},
        42);
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    // The list of campaigns says how many answers each has (not counting "about you").
    CHECK_THAT(page(sam, "/dashboard"), Catch::Contains("78 responses, the last arrived"));
    const std::string html = counted_page(sam, "/dashboard/campaigns/demo-riverside-budget-2026");

    // Everyone, two wards and two events with enough people each get a compass; the library's 8 do not.
    CHECK(occurrences(html, "<svg class=\"compass\"") == 1 + 2 + 2);
    CHECK_THAT(html, Catch::Contains("33 responses"));
    CHECK_THAT(html, Catch::Contains("Tesco, Bridge Street"));
    CHECK_THAT(html, Catch::Contains("Northfield Gala"));
    CHECK(occurrences(html, "Fewer than 10 responses: not shown") == 1);
    // The small compasses number their spokes as the table under them numbers the themes.
    CHECK(occurrences(html, "font-size=\"11\" fill=\"#52606d\">14</text>") == 2 + 2);
    CHECK(occurrences(html, "<th scope=\"row\">14. Influence and sense of control</th>") == 2);
    CHECK_THAT(html, Catch::Contains("Comment number 5"));

    // The CSV has every response, and its ratings give the medians the dashboard shows.
    auto csv = sam.get("/dashboard/campaigns/demo-riverside-budget-2026/responses.csv");
    REQUIRE(csv);
    REQUIRE(csv->status == 200);
    CHECK_THAT(csv->get_header_value("Content-Disposition"),
               Catch::Contains("demo-riverside-budget-2026-responses.csv"));
    const std::string& rows = csv->body;
    CHECK(occurrences(rows, "\r\n") == 1 + (14 + 8 + 11) + (30 + 6 + 9) + (25 + 2 + 3));
    std::array<std::vector<int>, sv::kThemeCount> ratings;
    const std::regex payload(R"re("(\{""activity"":""place-standard"".*?\})",)re");
    for (auto it = std::sregex_iterator(rows.begin(), rows.end(), payload); it != std::sregex_iterator(); ++it) {
        const std::string json = std::regex_replace((*it)[1].str(), std::regex("\"\""), "\"");
        const auto doc = nlohmann::json::parse(json);
        for (std::size_t t = 0; t < sv::kThemeCount; ++t)
            if (doc["themes"][t]["rating"].is_number()) ratings[t].push_back(doc["themes"][t]["rating"].get<int>());
    }
    REQUIRE(ratings[0].size() > 20);
    for (std::size_t t = 0; t < sv::kThemeCount; ++t) {
        INFO(sv::place_standard_themes()[t].title);
        const std::string cell = std::string(sv::place_standard_themes()[t].title) + "</th><td class=\"num\">" +
                                 std::to_string(ratings[t].size()) + "</td><td class=\"num strong\">" +
                                 median_text(ratings[t]) + "</td>";
        CHECK_THAT(html, Catch::Contains(cell));
    }

    // The budget outcome on the page is the one `streetvoice pb outcome` gives for the downloaded .pb.
    auto pb = sam.get("/dashboard/campaigns/demo-riverside-budget-2026/budget.pb");
    REQUIRE(pb);
    REQUIRE(pb->status == 200);
    const std::string pb_file = folder.file("downloaded.pb");
    sv::test::write_file(pb_file, pb->body);
    auto funded = funded_on_page(html);
    for (const std::string rule : {"greedy", "mes-add1"}) {
        INFO(rule);
        auto expected = cli_outcome(rule, pb_file);
        REQUIRE_FALSE(expected.empty());
        std::sort(expected.begin(), expected.end());
        std::sort(funded[rule].begin(), funded[rule].end());
        CHECK(funded[rule] == expected);
    }
    CHECK_THAT(html, Catch::Contains("45 ballots counted"));

    // Reach: 30 answered about their age against the area's profile; who answered least shows as missing.
    CHECK_THAT(html, Catch::Contains("Census 2021, Riverside ward (test figures)"));
    CHECK_THAT(html, Catch::Contains("Under-represented"));
    CHECK_THAT(html, Catch::Contains("fewer than 10"));
}

TEST_CASE("dashboard: a hub that counted a campaign before counts what arrives after as a fresh hub would") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    TempFolder folder;
    const std::string campaign_file = sv::test::riverside_with_about_you(folder);
    hub.publish(campaign_file);
    hub.add_organiser("sam", kPassword);
    const std::string path = "/dashboard/campaigns/demo-riverside-budget-2026";
    sv::test::hold_stalls_and_sync(hub, campaign_file, {Stall{"Morning stall", "Riverside", 12, 10, 10}}, 7);
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string morning = counted_page(sam, path);
    CHECK_THAT(morning, Catch::Contains("12 responses"));
    CHECK_THAT(morning, Catch::Contains("10 ballots counted"));

    sv::test::hold_stalls_and_sync(hub, campaign_file, {Stall{"Evening stall", "Northfield", 11, 9, 5}}, 8);
    const std::string evening = counted_page(sam, path);
    CHECK_THAT(evening, Catch::Contains("23 responses"));
    CHECK_THAT(evening, Catch::Contains("19 ballots counted"));
    CHECK_THAT(evening, Catch::Contains("Evening stall"));

    // A second hub on the same database counts everything from the start: the same page.
    RunningHub fresh(hub.db());
    Visitor sam_again(fresh);
    REQUIRE(sam_again.log_in("sam", kPassword)->status == 303);
    // The same but for the session's form token, and the minute it was worked out in.
    const std::regex differs(R"re(name="form_token" value="[0-9a-f]+"|results as of [^<]+)re");
    CHECK(std::regex_replace(counted_page(sam_again, path), differs, "") == std::regex_replace(evening, differs, ""));
}

TEST_CASE("dashboard: text from kiosks and campaign files is shown as written, never run") {
    RunningHub hub;
    TempFolder folder;
    const std::string campaign_file = sv::test::riverside_with_about_you(folder);
    hub.publish(campaign_file);
    hub.add_organiser("sam", kPassword);
    sv::test::hold_stalls_and_sync(hub, campaign_file, {Stall{"<script>alert(1)</script>", "Ward \"A\" & B", 12, 0, 0}},
                                   7);
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    auto res = sam.get("/dashboard/campaigns/demo-riverside-budget-2026");
    REQUIRE(res);
    CHECK_THAT(res->body, !Catch::Contains("<script>"));
    CHECK_THAT(res->body, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(res->body, Catch::Contains("Ward &quot;A&quot; &amp; B"));
    CHECK_THAT(res->get_header_value("Content-Security-Policy"), Catch::Contains("default-src 'none'"));
    auto missing = sam.get("/dashboard/campaigns/no-such-campaign");
    REQUIRE(missing);
    CHECK(missing->status == 404);
    CHECK_THAT(missing->body, Catch::Contains("no campaign called &quot;no-such-campaign&quot; is published"));
}

TEST_CASE("dashboard: medians and quartiles of ratings are worked out as spreadsheets do") {
    using Counts = std::array<int, sv::kHighestRating>;
    // 1, 2, 3, 4: median 2.5, quartiles 1.75 and 3.25 (linear interpolation).
    const Counts four{1, 1, 1, 1, 0, 0, 0};
    CHECK(sv::rating_quantile(four, 0.5) == Approx(2.5));
    CHECK(sv::rating_quantile(four, 0.25) == Approx(1.75));
    CHECK(sv::rating_quantile(four, 0.75) == Approx(3.25));
    // 7, 7, 7, 1: the median is 7; the lower quartile 5.5.
    const Counts skewed{1, 0, 0, 0, 0, 0, 3};
    CHECK(sv::rating_quantile(skewed, 0.5) == Approx(7));
    CHECK(sv::rating_quantile(skewed, 0.25) == Approx(5.5));
    CHECK(sv::rating_quantile(Counts{}, 0.5) == 0);
}

TEST_CASE("dashboard: \"you said, we did\" notes are checked, kept as written, and sent to kiosks") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    hub.add_organiser("sam", kPassword);
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string campaign = "/dashboard/campaigns/demo-riverside-2026";
    auto write = [&](const std::string& ward, const std::string& said, const std::string& did,
                     httplib::Headers headers = {}) {
        auto res = sam.post(campaign + "/notes", {{"ward", ward}, {"said", said}, {"did", did}}, headers);
        REQUIRE(res);
        return res;
    };

    // Put right in words, with what was typed kept in the form.
    auto empty = write("Riverside", "", "New drains went in.");
    CHECK(empty->status == 422);
    CHECK_THAT(empty->body, Catch::Contains("Write what people said."));
    CHECK_THAT(empty->body, Catch::Contains(">New drains went in.</textarea>"));
    // Said first at the top of the page, before any results, with a link down to the form.
    const auto summary = empty->body.find("<div class=\"problem-summary\" role=\"alert\">");
    REQUIRE(summary != std::string::npos);
    CHECK(summary < empty->body.find("<section"));
    CHECK(empty->body.find("Write what people said.", summary) < empty->body.find("<section"));
    CHECK_THAT(empty->body, Catch::Contains("<a href=\"#add-note\">") && Catch::Contains("<form id=\"add-note\""));
    auto too_long = write("", std::string(201, 'a'), "done");
    CHECK(too_long->status == 422);
    CHECK_THAT(too_long->body, Catch::Contains("longer than 200 characters"));
    CHECK(write("", "caf\xC3", "done")->status == 422);  // not UTF-8
    CHECK(write("", "From elsewhere", "done", {{"Origin", "http://evil.example"}})->status == 403);
    CHECK(write("", "From elsewhere", "done", {{"Sec-Fetch-Site", "cross-site"}})->status == 403);
    auto unknown = sam.post("/dashboard/campaigns/no-such-campaign/notes", {{"said", "x"}, {"did", "y"}});
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    auto no_session = hub.client().Post((campaign + "/notes").c_str(), httplib::Params{{"said", "x"}, {"did", "y"}});
    REQUIRE(no_session);
    CHECK(no_session->status == 303);  // to the login page, nothing kept

    // Kept, with spaces and line breaks run together; shown escaped.
    CHECK(write("Riverside", "The <b>weir</b> path\r\n  floods.", "New drains went in.")->status == 303);
    CHECK(write("", "Buses stop early.", "Later buses from May.")->status == 303);
    const std::string html = page(sam, campaign);
    CHECK_THAT(html, Catch::Contains("The &lt;b&gt;weir&lt;/b&gt; path floods."));
    CHECK_THAT(html, Catch::Contains("<td>Every ward</td>"));
    CHECK(occurrences(html, "data-note=") == 2);

    // Kiosks get them with their campaign updates.
    const auto [device, token] = hub.enrol();
    auto listed = hub.client().Get("/api/v1/campaigns", httplib::Headers{{"Authorization", "Bearer " + token}});
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    auto published = sv::parse_campaigns(listed->body);
    REQUIRE(published.ok());
    bool found = false;
    for (const auto& c : published.value().campaigns) {
        if (c.id != "demo-riverside-2026") {
            CHECK(c.outcome_notes.empty());
            continue;
        }
        found = true;
        REQUIRE(c.outcome_notes.size() == 2);
        CHECK(c.outcome_notes[0].ward == "Riverside");
        CHECK(c.outcome_notes[0].said == "The <b>weir</b> path floods.");
        CHECK(c.outcome_notes[1].ward.empty());
    }
    CHECK(found);

    // Removing a note twice (two tabs) is no error; the list is as it now is.
    auto first = sam.post(campaign + "/notes/1/remove");
    auto again = sam.post(campaign + "/notes/1/remove");
    REQUIRE(first);
    REQUIRE(again);
    CHECK(first->status == 303);
    CHECK(again->status == 303);
    CHECK(occurrences(page(sam, campaign), "data-note=") == 1);
}

TEST_CASE("dashboard: a new vote's first ballot is counted at once, both rules explained") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    // One ballot for the benches (6,000 of 50,000): equal shares used to raise the budget for
    // ever here, waiting for projects nobody chose.
    send_ballots(hub, STREETVOICE_DEMO_BUDGET_CAMPAIGN, {{0}});
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const auto asked = std::chrono::steady_clock::now();
    const std::string html = page(sam, "/dashboard/campaigns/demo-riverside-budget-2026");
    const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
    WARN("the campaign page with one ballot answered in " << took << " s");
    CHECK_THAT(html, Catch::Contains("1 ballot counted"));
    CHECK_THAT(html, !Catch::Contains("data-count="));
    auto funded = funded_on_page(html);
    // Greedy walks on through the projects nobody chose and funds those that still fit.
    CHECK(funded["greedy"].front() == "river-benches");
    CHECK(funded["mes-add1"] == std::vector<std::string>{"river-benches"});
    CHECK_THAT(html, Catch::Contains("Funded in round 1: its 1 supporter paid \xC2\xA3"
                                     "6,000"));
    CHECK_THAT(html, Catch::Contains("Not funded: nobody chose it."));
    CHECK_THAT(html, Catch::Contains("The file says greedy decides"));
}

TEST_CASE("dashboard: a hub stops on SIGTERM while a long count is under way, and pages never wait for it") {
    // Each budget count is held back ten minutes, as a city's count on a slow machine might run.
    setenv("STREETVOICE_HUB_TEST_COUNT_DELAY_MS", "600000", 1);
    RunningHub hub;
    unsetenv("STREETVOICE_HUB_TEST_COUNT_DELAY_MS");
    hub.add_organiser("sam", kPassword);
    send_ballots(hub, STREETVOICE_DEMO_BUDGET_CAMPAIGN, {{0, 2}, {1}});

    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    // The page answers while the count goes on, and says so; the rest of the hub answers too.
    const std::string html = page(sam, "/dashboard/campaigns/demo-riverside-budget-2026");
    CHECK_THAT(html, Catch::Contains("data-count=\"under-way\""));
    CHECK_THAT(html, Catch::Contains("being counted"));
    CHECK_THAT(html, Catch::Contains("Rate your area"));
    CHECK_THAT(page(sam, "/dashboard"), Catch::Contains("Riverside Decides"));
    const auto asked = std::chrono::steady_clock::now();
    CHECK(hub.terminate() == 0);
    const auto took = std::chrono::duration<double>(std::chrono::steady_clock::now() - asked).count();
    WARN("the hub stopped " << took << " s after SIGTERM");
    // The count would go on for minutes: stopping it is what lets the hub end.
    CHECK(took < 10);
}

TEST_CASE("dashboard: children's and young people's answers are checked, counted apart and shown on their own scale") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const std::string file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-young-voices.json";
    hub.publish(file);
    hub.add_organiser("sam", kPassword);
    const sv::Campaign campaign = sv::load_campaign_file(file).value();

    // Twelve children: "Getting around" answered 1, 2 or 3 in turn (median 2); "Nature" all
    // "Good"; everything else skipped.
    std::vector<sv::PlaceStandardAnswers> children(12);
    for (std::size_t i = 0; i < children.size(); ++i) {
        children[i].version = sv::PlaceStandardVersion::children;
        children[i].ratings[0] = 1 + static_cast<int>(i % 3);
        children[i].ratings[4] = 3;
    }
    for (const auto& verdict : send_place_standard(hub, campaign, "children", children).results)
        CHECK(verdict.verdict == sv::Verdict::accepted);
    // Ten young people, all rating "Moving around" 6.
    std::vector<sv::PlaceStandardAnswers> young(10);
    for (auto& answers : young) {
        answers.version = sv::PlaceStandardVersion::young_people;
        answers.ratings[0] = 6;
    }
    for (const auto& verdict : send_place_standard(hub, campaign, "young-people", young).results)
        CHECK(verdict.verdict == sv::Verdict::accepted);

    // Answers on the wrong scale for the activity are refused, saying why.
    sv::PlaceStandardAnswers grown_up;
    grown_up.ratings[0] = 7;
    const auto refused = send_place_standard(hub, campaign, "children", {grown_up}).results;
    REQUIRE(refused.size() == 1);
    CHECK(refused[0].verdict == sv::Verdict::rejected);
    CHECK(refused[0].reason ==
          "The answers are for the adults' Place Standard, but activity \"children\" asks the children's Place "
          "Standard.");

    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string html = page(sam, "/dashboard/campaigns/demo-young-voices-2026");
    const auto children_at = html.find("<section id=\"place-children\">");
    const auto young_at = html.find("<section id=\"place-young-people\">");
    REQUIRE(children_at != std::string::npos);
    REQUIRE(young_at != std::string::npos);
    const std::string children_part = html.substr(children_at, young_at - children_at);
    const std::string young_part = html.substr(young_at);
    CHECK_THAT(children_part, Catch::Contains("12 responses. Children&#39;s version (ages 6 to 12)"));
    CHECK_THAT(children_part, Catch::Contains("1 (not good), 2 (OK) or 3 (good)"));
    CHECK_THAT(children_part, Catch::Contains("Getting around</th><td class=\"num\">12</td><td class=\"num "
                                              "strong\">2</td>"));
    CHECK_THAT(children_part, Catch::Contains("Nature</th><td class=\"num\">12</td><td class=\"num strong\">3</td>"));
    // The compass's rings go to 3: its edge ring is the third.
    CHECK(occurrences(children_part, "stroke=\"#9aa5b1\"") >= 1);
    CHECK_THAT(children_part, !Catch::Contains(">7</text>"));
    CHECK_THAT(young_part, Catch::Contains("10 responses. Young people&#39;s version (12 and over)"));
    CHECK_THAT(young_part, Catch::Contains("Moving around</th><td class=\"num\">10</td><td class=\"num "
                                           "strong\">6</td>"));
    CHECK_THAT(young_part, Catch::Contains(">7</text>"));
    // One ward (none given) and no events: nothing broken down that would only repeat everyone's.
    CHECK_THAT(children_part, !Catch::Contains("<h3>By ward</h3>") && !Catch::Contains("<h3>By event</h3>"));
}

TEST_CASE("dashboard: a campaign with no answers yet says so, with no empty tables or waits of 0 min") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string html = page(sam, "/dashboard/campaigns/demo-riverside-2026");
    const std::string participation = html.substr(html.find("<section id=\"participation\">"));
    CHECK_THAT(participation, Catch::Contains("No responses yet."));
    CHECK_THAT(participation, !Catch::Contains("0 min") && !Catch::Contains("<table"));
    // Dated, so a printout says when its figures were true.
    CHECK(std::regex_search(html, std::regex(R"(results as of \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}</p>)")));
}

TEST_CASE("dashboard: quick polls and today/wanted pairs have results by ward and event, in reports too") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const std::string file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json";
    const sv::Campaign campaign = sv::load_campaign_file(file).value();
    hub.publish(file);
    hub.add_organiser("sam", kPassword);
    const auto poll = [&](int answer) {
        return sv::ResponseDraft{
            sv::new_uuid(), campaign.id, campaign.version, "park-poll", sv::quick_poll_payload(answer), {}};
    };
    const auto pair = [&](int today, int wanted) {
        return sv::ResponseDraft{
            sv::new_uuid(), campaign.id, campaign.version, "today-wanted", sv::scale_pair_payload(today, wanted), {}};
    };
    // Tesco (Riverside): 5 benches, 4 lighting, 3 toilets; ten pairs, today 2,2,3,3,3,4,4,5,5,6
    // (median 3.5) and wanted 5,5,6,6,6,6,7,7,7,7 (median 6).
    std::vector<sv::ResponseDraft> tesco;
    for (int answer : {0, 0, 0, 0, 0, 1, 1, 1, 1, 3, 3, 3}) tesco.push_back(poll(answer));
    const int today[] = {2, 2, 3, 3, 3, 4, 4, 5, 5, 6}, wanted[] = {5, 5, 6, 6, 6, 6, 7, 7, 7, 7};
    for (int i = 0; i < 10; ++i) tesco.push_back(pair(today[i], wanted[i]));
    sv::test::record_and_sync(hub, file, "Tesco, Bridge Street", "Riverside", tesco);
    // Northfield Gala: 2 for a café, 2 something else; three pairs, 1/7, 1/7, 2/7.
    sv::test::record_and_sync(hub, file, "Northfield Gala", "Northfield",
                              {poll(2), poll(2), poll(4), poll(4), pair(1, 7), pair(1, 7), pair(2, 7)});

    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string html = page(sam, "/dashboard/campaigns/demo-riverside-fast-lane-2026");
    const std::string polls = html.substr(html.find("<section id=\"poll-park-poll\">"));
    // Everyone, 16: 5 (31%), 4 (25%), 2 (13%), 3 (19%), 2 (13%).
    CHECK_THAT(polls, Catch::Contains("What would make Mill Lane park better? 16 responses."));
    const std::pair<int, const char*> everyone[] = {{5, "31%"}, {4, "25%"}, {2, "13%"}, {3, "19%"}, {2, "13%"}};
    for (int i = 0; i < 5; ++i) {
        INFO(campaign.activity("park-poll")->poll.answers[static_cast<std::size_t>(i)].in("en"));
        CHECK_THAT(polls,
                   Catch::Contains("<tr data-answer=\"" + std::to_string(i) + "\"><th scope=\"row\">" +
                                   campaign.activity("park-poll")->poll.answers[static_cast<std::size_t>(i)].in("en") +
                                   "</th><td class=\"num\">" + std::to_string(everyone[i].first) +
                                   "</td><td class=\"num strong\">" + everyone[i].second + "</td>"));
    }
    // Riverside's 12 by share (42%, 33%, 0%, 25%, 0%); Northfield's 4 hidden, by ward and by event.
    CHECK_THAT(polls, Catch::Contains("Riverside</th><td class=\"num\">12</td><td class=\"num\">42%</td><td "
                                      "class=\"num\">33%</td><td class=\"num\">0%</td><td class=\"num\">25%</td><td "
                                      "class=\"num\">0%</td>"));
    CHECK(occurrences(polls.substr(0, polls.find("</section>")), "Fewer than 10: not shown") == 2);
    // Events by their ward and day, written as every date on the page is ("29 Nov 2026").
    CHECK(std::regex_search(polls, std::regex(R"(Riverside, \d{1,2} [A-Z][a-z]{2} \d{4}<)")));
    CHECK_FALSE(std::regex_search(polls, std::regex(R"(Riverside, \d{4}-\d{2}-\d{2})")));

    const std::string scales = html.substr(html.find("<section id=\"scale-today-wanted\">"));
    // Everyone, 13: today 1,1,2,2,2,3,3,3,4,4,5,5,6 (median 3); wanted seven 7s of 13 (median 7).
    CHECK_THAT(scales, Catch::Contains("13 responses."));
    CHECK_THAT(scales, Catch::Contains("Today 3, wanted 7: a gap of 4 (medians)."));
    CHECK_THAT(scales, Catch::Contains("Riverside</th><td class=\"num\">10</td><td class=\"num\">3.5</td><td "
                                       "class=\"num\">6</td><td class=\"num strong\">2.5</td>"));
    CHECK(occurrences(scales.substr(0, scales.find("</section>")), "Fewer than 10: not shown") == 2);
    // The page's contents link to both.
    CHECK_THAT(html,
               Catch::Contains("<a href=\"#poll-park-poll\">") && Catch::Contains("<a href=\"#scale-today-wanted\">"));

    // The report's summary: the answer given most, and both medians; a ward's report its own
    // figures, a ward too small for them none.
    const std::string benches = campaign.activity("park-poll")->poll.answers[0].in("en");
    const std::string report = page(sam, "/dashboard/campaigns/demo-riverside-fast-lane-2026/report");
    const std::string summary = report.substr(report.find("class=\"key-points\""));
    CHECK_THAT(summary, Catch::Contains("Most often: “" + benches + "” (31%)."));
    CHECK_THAT(summary, Catch::Contains("Today 3, wanted 7 (medians)."));
    const std::string riverside = page(sam, "/dashboard/campaigns/demo-riverside-fast-lane-2026/report/ward/Riverside");
    CHECK_THAT(riverside, Catch::Contains("Most often: “" + benches + "” (42%).") &&
                              Catch::Contains("Today 3.5, wanted 6 (medians).") &&
                              Catch::Contains("Today 3.5, wanted 6: a gap of 2.5 (medians)."));
    const std::string northfield =
        page(sam, "/dashboard/campaigns/demo-riverside-fast-lane-2026/report/ward/Northfield");
    CHECK(occurrences(northfield, "Fewer than 10 answers: not shown.") == 2);
    CHECK_THAT(northfield, !Catch::Contains("data-answer=") && !Catch::Contains("a gap of"));
    // A ward no event was held in has nothing to show, and says so.
    const std::string nowhere = page(sam, "/dashboard/campaigns/demo-riverside-fast-lane-2026/report/ward/Elsewhere");
    CHECK_THAT(nowhere, Catch::Contains("Report for Elsewhere ward") && Catch::Contains("No responses yet."));
}

TEST_CASE("dashboard: responses by day, every day from the first to the last, quiet days as none") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    const sv::Campaign campaign = sv::load_campaign_file(STREETVOICE_DEMO_CAMPAIGN).value();
    std::vector<sv::PlaceStandardAnswers> five(5);
    for (auto& answers : five) answers.ratings[0] = 4;
    // Three on Sunday 22 November, none on the Monday, two on the Tuesday.
    send_place_standard(hub, campaign, "place", five,
                        {"2026-11-22T10:05:00Z", "2026-11-22T11:00:00Z", "2026-11-22T15:30:00Z", "2026-11-24T09:45:00Z",
                         "2026-11-24T12:00:00Z"});
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string html = page(sam, "/dashboard/campaigns/" + campaign.id);
    const std::string days = html.substr(html.find("<svg class=\"days\""));
    CHECK(occurrences(days.substr(0, days.find("</svg>")), "<rect ") == 3);
    CHECK_THAT(days, Catch::Contains("<title>22 Nov: 3</title>"));
    CHECK_THAT(days, Catch::Contains("<title>23 Nov: 0</title>"));
    CHECK_THAT(days, Catch::Contains("<title>24 Nov: 2</title>"));
}

TEST_CASE("dashboard: each project's share of the ballots, overall and by ward, small wards hidden") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    hub.add_organiser("sam", kPassword);
    const std::string file = STREETVOICE_DEMO_BUDGET_CAMPAIGN;
    const sv::Campaign campaign = sv::load_campaign_file(file).value();
    const sv::BudgetVote& vote = campaign.activity("budget")->budget;
    const auto ballot = [&](std::vector<int> chosen) {
        sv::BudgetBallot b;
        b.chosen = std::move(chosen);
        REQUIRE(sv::check_ballot(vote, b).ok());
        return sv::ResponseDraft{
            sv::new_uuid(), campaign.id, campaign.version, "budget", sv::ballot_payload(vote, b), {}};
    };
    // Riverside: six choose projects 1 and 2, four choose 1 and 3. Northfield: three choose 4.
    std::vector<sv::ResponseDraft> riverside;
    for (int i = 0; i < 10; ++i) riverside.push_back(ballot(i < 6 ? std::vector<int>{0, 1} : std::vector<int>{0, 2}));
    sv::test::record_and_sync(hub, file, "Tesco, Bridge Street", "Riverside", riverside);
    sv::test::record_and_sync(hub, file, "Northfield Gala", "Northfield", {ballot({3}), ballot({3}), ballot({3})});

    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string html = counted_page(sam, "/dashboard/campaigns/" + campaign.id);
    // Everyone, 13 ballots: 10 (77%), 6 (46%), 4 (31%), 3 (23%), none for the rest.
    const std::pair<int, const char*> shares[] = {{0, "77%"}, {1, "46%"}, {2, "31%"}, {3, "23%"}, {4, "0%"}};
    for (const auto& [p, share] : shares) {
        const std::string& id = vote.projects[static_cast<std::size_t>(p)].id;
        INFO(id);
        const auto row = html.find("data-project=\"" + id + "\"");
        REQUIRE(row != std::string::npos);
        const std::string cells = html.substr(row, html.find("</tr>", row) - row);
        CHECK_THAT(cells, Catch::Contains("<td class=\"num\">" + std::string(share) + "</td>"));
    }
    // By ward: Riverside's ten by share (100%, 60%, 40%), Northfield's three hidden.
    CHECK_THAT(html, Catch::Contains("Northfield<br><span class=\"muted\">3 ballots</span>"));
    const auto riverside_row = [&](int p) {
        const std::string& id = vote.projects[static_cast<std::size_t>(p)].id;
        const auto row = html.find("data-ward-project=\"" + id + "\"");
        REQUIRE(row != std::string::npos);
        return html.substr(row, html.find("</tr>", row) - row);
    };
    // Wards in name order: Northfield first (hidden), then Riverside.
    CHECK_THAT(riverside_row(0), Catch::EndsWith("<td class=\"num\">–</td><td class=\"num\">100%</td>"));
    CHECK_THAT(riverside_row(1), Catch::EndsWith("<td class=\"num\">–</td><td class=\"num\">60%</td>"));
    CHECK_THAT(riverside_row(2), Catch::EndsWith("<td class=\"num\">–</td><td class=\"num\">40%</td>"));
    CHECK_THAT(riverside_row(3), Catch::EndsWith("<td class=\"num\">–</td><td class=\"num\">0%</td>"));
}

TEST_CASE("dashboard: a campaign that names its wards has notes written for one of them, chosen from a list") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string campaign = "/dashboard/campaigns/demo-riverside-budget-2026";
    const std::string html = page(sam, campaign);
    // Every ward the campaign names, and every ward at once; no box to mistype one in.
    CHECK_THAT(html, Catch::Contains("<select id=\"ward\" name=\"ward\"><option value=\"\">Every ward</option>"
                                     "<option>Riverside</option><option>Northfield</option>"));
    CHECK_THAT(html, Catch::Contains("<option>St Anne&#39;s</option>"));
    CHECK_THAT(html, !Catch::Contains("<datalist"));
    auto misspelt = sam.post(campaign + "/notes", {{"ward", "Riversdie"}, {"said", "x"}, {"did", "y"}});
    REQUIRE(misspelt);
    CHECK(misspelt->status == 422);
    CHECK_THAT(misspelt->body, Catch::Contains("&quot;Riversdie&quot; is not one of this campaign&#39;s wards"));
    auto chosen = sam.post(campaign + "/notes", {{"ward", "Northfield"}, {"said", "Dark path."}, {"did", "Lights."}});
    REQUIRE(chosen);
    CHECK(chosen->status == 303);
    auto every = sam.post(campaign + "/notes", {{"ward", ""}, {"said", "Bins."}, {"did", "More bins."}});
    REQUIRE(every);
    CHECK(every->status == 303);
}

TEST_CASE("dashboard: tablets go by the names staff gave them, on the page and in the tidy CSV") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    const std::string file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json";
    const sv::Campaign campaign = sv::load_campaign_file(file).value();
    hub.publish(file);
    std::vector<sv::ResponseDraft> polls;
    for (int i = 0; i < 3; ++i)
        polls.push_back(
            {sv::new_uuid(), campaign.id, campaign.version, "park-poll", sv::quick_poll_payload(i % 2), {}});
    sv::test::record_and_sync(hub, file, "Tesco, Bridge Street", "Riverside", polls);
    // The device id is the export's sixth column.
    const std::string row = hub.exported_rows(campaign.id).front();
    std::size_t at = 0;
    for (int comma = 0; comma < 5; ++comma) at = row.find(',', at) + 1;
    const std::string device_id = row.substr(at, row.find(',', at) - at);
    REQUIRE(device_id.size() == 36);

    std::string output;
    CHECK(hub.command("devices", {"--name", device_id, "Library\ntablet"}, output) == 2);
    CHECK_THAT(output, Catch::Contains("1 to 40 characters on one line"));
    CHECK(hub.command("devices", {"--name", "5f0c1a2b-0000-4000-8000-000000000000", "Gala tablet"}, output) == 2);
    CHECK_THAT(output, Catch::Contains("no enrolled device has the id"));
    CHECK(hub.command("enrol-code", {"--name", std::string(41, 'x')}, output) == 2);
    REQUIRE(hub.command("devices", {"--name", device_id, "Library tablet 2"}, output) == 0);

    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string html = page(sam, "/dashboard/campaigns/" + campaign.id);
    CHECK_THAT(html, Catch::Contains("<tr><th scope=\"row\">Library tablet 2</th><td class=\"num\">3</td><td>3 · "
                                     "all here <span class=\"muted\">(as of "));
    CHECK_THAT(html, !Catch::Contains("<code>" + device_id.substr(0, 8) + "</code>"));
    const std::string tidy = hub.exported(campaign.id, "tidy-csv", "park-poll");
    CHECK_THAT(tidy, Catch::Contains(",Library tablet 2,") && !Catch::Contains(device_id));
    // The raw export keeps the id, as it always has.
    CHECK_THAT(hub.exported(campaign.id, "csv"), Catch::Contains(device_id));
    CHECK_THAT(page(sam, "/dashboard/activity"), Catch::Contains("named device " + device_id));
    // A tablet that says it sent more than the hub holds (a hub restored from an older backup)
    // stands out until it sends them again.
    {
        auto store = sv::open_hub_store(hub.db());
        REQUIRE(store.ok());
        REQUIRE(store.value()->record_tablet_counts(device_id, {{campaign.id, 6, 1, 0}}).ok());
    }
    CHECK_THAT(page(sam, "/dashboard/campaigns/" + campaign.id),
               Catch::Contains("<td>6 · <strong class=\"lacking\">2 sent but not here</strong> · 1 waiting"));
    // Taken off the hub, it still shows what it sent, marked.
    REQUIRE(hub.command("devices", {"--revoke", device_id}, output) == 0);
    CHECK_THAT(page(sam, "/dashboard/campaigns/" + campaign.id),
               Catch::Contains("Library tablet 2 <span class=\"muted\">(revoked)</span></th><td class=\"num\">3</td>"));
    CHECK_THAT(page(sam, "/dashboard/activity"), Catch::Contains("revoked device " + device_id));
}

TEST_CASE("dashboard: a report link for each ward an event named, and none for events given no ward") {
    RunningHub hub;
    hub.add_organiser("sam", kPassword);
    const std::string file = std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json";
    const sv::Campaign campaign = sv::load_campaign_file(file).value();
    hub.publish(file);
    const auto poll = [&] {
        return std::vector<sv::ResponseDraft>{
            {sv::new_uuid(), campaign.id, campaign.version, "park-poll", sv::quick_poll_payload(0), {}}};
    };
    sv::test::record_and_sync(hub, file, "Tesco", "Riverside", poll());
    sv::test::record_and_sync(hub, file, "Gala", "St Anne's", poll());
    sv::test::record_and_sync(hub, file, "Market", "", poll());
    Visitor sam(hub);
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string html = page(sam, "/dashboard/campaigns/" + campaign.id);
    const std::string reports = "/dashboard/campaigns/" + campaign.id + "/report/ward/";
    CHECK_THAT(html, Catch::Contains("href=\"" + reports + "Riverside\"") &&
                         Catch::Contains("href=\"" + reports + "St%20Anne%27s\"") &&
                         !Catch::Contains("href=\"" + reports + "\""));
    // The link's ward, decoded, is the ward's report.
    CHECK_THAT(page(sam, reports + "St%20Anne%27s"), Catch::Contains("Report for St Anne&#39;s ward"));
}
