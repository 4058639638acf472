// Each tablet's chain of answers, end to end: a real kiosk's answers file changed with sqlite3
// before sync, `streetvoice sync` to the real hub, and what the hub refuses and shows.
#include <sqlite3.h>

#include <catch2/catch.hpp>
#include <optional>
#include <set>

#include "ballot_chain.hpp"
#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "demo_responses.hpp"
#include "running_hub.hpp"
#include "running_postgres.hpp"
#include "store.hpp"
#include "temp_folder.hpp"

using sv::test::run_program;
using sv::test::RunningHub;
using sv::test::TempFolder;

namespace {

void edit_answers_file(const TempFolder& kiosk, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(sv::answers_file_in(kiosk.path()).c_str(), &db) == SQLITE_OK);
    char* message = nullptr;
    const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &message);
    INFO((message ? message : ""));
    sqlite3_free(message);
    sqlite3_close(db);
    REQUIRE(rc == SQLITE_OK);
}

int sync_kiosk(const TempFolder& kiosk, std::vector<std::string> extra, std::string& output) {
    std::vector<std::string> argv{STREETVOICE_CLI_BINARY, "sync", "--data-dir",     kiosk.path(),
                                  "--retry-base-ms",      "20",   "--retry-cap-ms", "200"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return run_program(argv, output);
}

}  // namespace

TEST_CASE("sync: an answer changed, removed or put in on a tablet before sync is refused by the hub and shown") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    hub.add_organiser("ruth", "correct horse battery staple");
    TempFolder kiosk;
    std::vector<std::string> uuids;
    {
        auto store = sv::Store::open(sv::answers_file_in(kiosk.path()));
        REQUIRE(store.ok());
        uuids = sv::test::fill_kiosk(store.value(), 12, 7);
    }
    std::string output;
    REQUIRE(sync_kiosk(kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code()}, output) == 0);
    CHECK_THAT(output, Catch::Contains("sent 12, accepted 12, duplicate 0, rejected 0"));
    {
        auto store = sv::Store::open(sv::answers_file_in(kiosk.path()));
        REQUIRE(store.ok());
        const auto later = sv::test::fill_kiosk(store.value(), 8, 8);
        uuids.insert(uuids.end(), later.begin(), later.end());
    }
    // Someone with sqlite3 and the answers file, before the tablet next syncs: changes one
    // answer, removes another with its link, and puts one in.
    edit_answers_file(kiosk,
                      "DROP TRIGGER responses_are_immutable; UPDATE responses SET payload = "
                      "json_set(payload, '$.comment', 'changed') WHERE uuid = '" +
                          uuids[13] + "';");
    edit_answers_file(kiosk,
                      "PRAGMA foreign_keys=OFF; DROP TRIGGER responses_are_kept; DELETE FROM outbox WHERE "
                      "response_seq = (SELECT seq FROM responses WHERE uuid = '" +
                          uuids[15] +
                          "'); DELETE FROM response_chain WHERE response_seq = (SELECT seq FROM responses "
                          "WHERE uuid = '" +
                          uuids[15] + "'); DELETE FROM responses WHERE uuid = '" + uuids[15] + "';");
    const std::string slipped = "00000000-0000-4000-8000-0000000000aa";
    edit_answers_file(kiosk,
                      "INSERT INTO responses(uuid, campaign_id, campaign_version, activity_id, event_id, "
                      "device_id, device_time, payload) SELECT '" +
                          slipped +
                          "', campaign_id, campaign_version, activity_id, event_id, device_id, device_time, "
                          "payload FROM responses WHERE uuid = '" +
                          uuids[17] + "'; INSERT INTO outbox(response_seq) VALUES (last_insert_rowid());");

    const int code = sync_kiosk(kiosk, {}, output);
    INFO(output);
    CHECK(code == 0);
    // 8 waiting, less the one removed, with the one put in; the answer after the removed one
    // joins onto a link the hub never received.
    CHECK_THAT(output, Catch::Contains("sent 8, accepted 5, duplicate 0, rejected 3, left 0"));
    {
        auto store = sv::Store::open(sv::answers_file_in(kiosk.path()));
        REQUIRE(store.ok());
        const auto reason_of = [&](const std::string& uuid) {
            const auto found = store.value().find_response(uuid).value();
            REQUIRE(found.has_value());
            CHECK(found->outbox == sv::OutboxState::rejected);
            return found->rejection_reason;
        };
        CHECK_THAT(reason_of(uuids[13]), Catch::Contains("changed after it was stored"));
        CHECK_THAT(reason_of(uuids[16]), Catch::Contains("an answer was removed"));
        CHECK_THAT(reason_of(slipped), Catch::Contains("no link"));
        CHECK_THAT(reason_of(slipped), Catch::Contains("alarm"));
    }
    // Counted: everything but the three.
    std::set<std::string> on_hub;
    for (const char* campaign : {"demo-riverside-2026", "demo-riverside-budget-2026"})
        for (const auto& row : hub.exported_rows(campaign)) on_hub.insert(row.substr(0, row.find(',')));
    CHECK(on_hub.size() == 17);  // 12, then 5 of the 8 sent
    for (const auto& refused : {uuids[13], uuids[15], uuids[16], slipped}) CHECK_FALSE(on_hub.count(refused));

    // The organiser sees the alarm on the dashboard, for that tablet.
    sv::test::DashboardVisitor browser(hub);
    REQUIRE(browser.log_in("ruth", "correct horse battery staple")->status == 303);
    auto home = browser.get("/dashboard");
    REQUIRE(home);
    CHECK_THAT(home->body, Catch::Contains("3 answers were refused because a tablet's chain of answers broke"));
    auto chains = browser.get("/dashboard/chains");
    REQUIRE(chains);
    REQUIRE(chains->status == 200);
    CHECK_THAT(chains->body, Catch::Contains("changed after it was stored") &&
                                 Catch::Contains("an answer before it was removed") &&
                                 Catch::Contains("no link: put in afterwards") && Catch::Contains(uuids[13]) &&
                                 Catch::Contains(uuids[16]) && Catch::Contains(slipped));
    // And the kiosk's chain head appears beside its stall, as staff copied it.
    auto store = sv::Store::open(sv::answers_file_in(kiosk.path()));
    REQUIRE(store.ok());
    CHECK_THAT(chains->body, Catch::Contains(sv::chain_head_code(store.value().chain_head().value().link)));
    // A second sync sends nothing again and raises no new alarm.
    REQUIRE(sync_kiosk(kiosk, {}, output) == 0);
    CHECK_THAT(output, Catch::Contains("sent 0,"));
}

TEST_CASE("verify: a clean campaign verifies, and an answer changed, removed or put in on the hub is caught") {
    const std::string kind = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    const std::string tamper = GENERATE(as<std::string>{}, "change", "remove", "put in");
    std::optional<sv::test::RunningPostgres> postgres;
    RunningHub hub(sv::test::hub_database(kind, postgres));
    const std::string campaign = "demo-riverside-budget-2026";
    TempFolder kiosk;
    std::vector<std::string> uuids;
    {
        auto store = sv::Store::open(sv::answers_file_in(kiosk.path()));
        REQUIRE(store.ok());
        uuids = sv::test::fill_kiosk(store.value(), 30, 9);  // every third a ballot
    }
    std::string output;
    REQUIRE(sync_kiosk(kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code()}, output) == 0);
    CHECK(hub.command("verify", {"--campaign", campaign}, output) == 0);
    INFO(output);
    CHECK_THAT(output, Catch::Contains("10 answers from 1 tablet checked against their tablets' chains") &&
                           Catch::Contains("Budget vote \"budget\": 10 ballots") &&
                           Catch::Contains("verifies: everything agrees"));
    CHECK(hub.command("verify", {"--campaign", "demo-riverside-2026"}, output) == 0);

    // Someone with the database's password edits it behind the hub's back.
    const std::string ballot = uuids[2];
    std::string sql;
    // The hub's guard against changing a response goes first.
    if (tamper == "change")
        sql = std::string(kind == "sqlite" ? "DROP TRIGGER responses_are_immutable; "
                                           : "DROP TRIGGER responses_are_immutable ON responses; ") +
              "UPDATE responses SET payload = '{\"ballot\":\"knapsack\",\"projects\":[\"river-benches\"]}' WHERE "
              "uuid = '" +
              ballot + "'";
    else if (tamper == "remove")
        sql = "DELETE FROM responses WHERE uuid = '" + ballot + "'";
    else
        sql =
            "INSERT INTO responses(uuid, campaign_id, campaign_version, activity_id, event_id, device_id, "
            "device_time, payload, fingerprint, received_at) SELECT '00000000-0000-4000-8000-0000000000bb', "
            "campaign_id, campaign_version, activity_id, event_id, device_id, device_time, payload, fingerprint, "
            "received_at FROM responses WHERE uuid = '" +
            ballot + "'";
    if (kind == "sqlite") {
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(hub.db().substr(std::string("sqlite:").size()).c_str(), &db) == SQLITE_OK);
        const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
        sqlite3_close(db);
        REQUIRE(rc == SQLITE_OK);
    } else {
        REQUIRE(run_program({"/usr/bin/psql", "-q", "-v", "ON_ERROR_STOP=1", hub.db(), "-c", sql}, output) == 0);
    }
    CHECK(hub.command("verify", {"--campaign", campaign}, output) == 1);
    INFO(output);
    CHECK_THAT(output, Catch::Contains("does NOT verify"));
    if (tamper == "change")
        CHECK_THAT(output,
                   Catch::Contains(ballot + " from tablet") && Catch::Contains("changed in the hub's database"));
    if (tamper == "remove") CHECK_THAT(output, Catch::Contains(ballot) && Catch::Contains("removed there"));
    if (tamper == "put in")
        CHECK_THAT(output, Catch::Contains("00000000-0000-4000-8000-0000000000bb") &&
                               Catch::Contains("put into the hub's database"));
}
