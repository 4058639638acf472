// The hub's activity log, from the real hub (127.0.0.1) and its commands to the dashboard
// page: who logged in, enrolled a tablet, published, wrote notes, downloaded and changed
// organisers, newest first, on both stores.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>

#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "hub_store.hpp"
#include "open_hub_store.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"

using sv::test::RunningHub;
using Visitor = sv::test::DashboardVisitor;

namespace {

constexpr const char* kPassword = "correct horse battery";

// The log's rows as "who | what | from", newest first, as the page shows them.
std::vector<std::string> rows_on_page(const std::string& html) {
    const std::regex row(
        R"re(<tr data-entry="\d+"><td>[^<]*</td><td>([^<]*)</td><td>([^<]*)</td><td class="muted">([^<]*)</td></tr>)re");
    std::vector<std::string> rows;
    for (auto it = std::sregex_iterator(html.begin(), html.end(), row); it != std::sregex_iterator(); ++it)
        rows.push_back((*it)[1].str() + " | " + (*it)[2].str() + " | " + (*it)[3].str());
    return rows;
}

}  // namespace

TEST_CASE("audit: the activity log names who logged in, enrolled, published, wrote notes and changed organisers") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;  // it published the two demo campaigns
    hub.add_organiser("sam", kPassword);
    hub.add_organiser("ayesha", kPassword);
    const auto [device, token] = hub.enrol();

    Visitor guesser(hub, "127.0.0.3");
    REQUIRE(guesser.log_in("<b>sam</b>", "a guess")->status == 401);
    Visitor sam(hub, "127.0.0.2");
    REQUIRE(sam.get("/dashboard/activity")->status == 303);  // organisers only
    REQUIRE(sam.log_in("sam", kPassword)->status == 303);
    const std::string campaign = "/dashboard/campaigns/demo-riverside-2026";
    REQUIRE(sam.post(campaign + "/notes", {{"ward", "Riverside"}, {"said", "Floods."}, {"did", "Drains."}})->status ==
            303);
    REQUIRE(sam.post(campaign + "/notes/1/remove")->status == 303);
    REQUIRE(sam.get(campaign + "/responses.csv")->status == 200);
    std::string output;
    REQUIRE(sv::test::run_program({"/bin/sh", "-c", "exec \"$0\" organiser --db \"$1\" --remove ayesha",
                                   STREETVOICE_HUB_BINARY, hub.db()},
                                  output) == 0);

    auto page = sam.get("/dashboard/activity");
    REQUIRE(page);
    REQUIRE(page->status == 200);
    const auto rows = rows_on_page(page->body);
    INFO(page->body);
    REQUIRE(rows.size() == 12);
    const std::string admin = "administrator (unix user ";
    CHECK_THAT(rows[0], Catch::StartsWith(admin) && Catch::EndsWith(") | removed organiser ayesha | this machine"));
    CHECK(rows[1] == "sam | downloaded every response of campaign demo-riverside-2026 | 127.0.0.2");
    CHECK(rows[2] == "sam | removed note 1 of campaign demo-riverside-2026 | 127.0.0.2");
    CHECK(
        rows[3] ==
        "sam | wrote a &quot;you said, we did&quot; note for campaign demo-riverside-2026, ward Riverside | 127.0.0.2");
    CHECK(rows[4] == "sam | logged in | 127.0.0.2");
    CHECK(rows[5] == "&lt;b&gt;sam&lt;/b&gt; | typed a wrong password | 127.0.0.3");  // shown as typed, never run
    CHECK(rows[6] == "device " + device + " | enrolled with a one-time code | 127.0.0.1");
    CHECK_THAT(rows[7], Catch::StartsWith(admin) && Catch::EndsWith(") | issued an enrolment code | this machine"));
    CHECK_THAT(rows[8], Catch::EndsWith(") | added organiser ayesha | this machine"));
    CHECK_THAT(rows[9], Catch::EndsWith(") | added organiser sam | this machine"));
    CHECK_THAT(rows[10], Catch::Contains(") | published campaign demo-riverside-"));
    CHECK_THAT(rows[11], Catch::Contains(") | published campaign demo-riverside-"));

    // Moving the hub takes the log along, once however often the copy runs.
    sv::test::TempFolder folder;
    const std::string moved = "sqlite:" + folder.file("moved.sqlite");
    for (int run = 0; run < 2; ++run)
        REQUIRE(sv::test::run_program({STREETVOICE_HUB_BINARY, "copy", "--db", hub.db(), "--to", moved}, output) == 0);
    auto store = sv::open_hub_store(moved);
    REQUIRE(store.ok());
    auto copied = store.value()->audit_entries(0);
    REQUIRE(copied.ok());
    CHECK(copied.value().size() == 12);
    CHECK(copied.value().front().action == "removed organiser ayesha");
}
