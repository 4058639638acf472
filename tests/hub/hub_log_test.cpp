// What IT sees of a running hub: its event log (one line per thing worth knowing, never a
// secret) and the two addresses a monitor asks, with the database up and down.
#include <catch2/catch.hpp>
#include <csignal>
#include <optional>

#include "dashboard_visitor.hpp"
#include "event_log.hpp"
#include "running_hub.hpp"
#include "running_postgres.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

using sv::test::RunningHub;

namespace {

std::string joined(const std::vector<std::string>& lines) {
    std::string all;
    for (const auto& line : lines) all += line + "\n";
    return all;
}

// A response for a campaign the hub never published: refused, with the hub's reason.
sv::Response unpublished_response(const std::string& device) {
    return {sv::new_uuid(), "no-such-campaign", 1, "place", sv::new_uuid(), device, "2026-11-22T10:00:00Z", "{}"};
}

}  // namespace

TEST_CASE("hub: an event line keeps each value whole and on one line, whatever a client sent") {
    const std::string line = sv::event_log_line(
        "2026-11-30T10:00:00Z", "login_failed",
        {{"organiser", "sam\nstreetvoice-hub: event=login_succeeded"}, {"address", "127.0.0.1"}, {"empty", ""}});
    CHECK(line ==
          "streetvoice-hub: at=2026-11-30T10:00:00Z event=login_failed organiser=\"sam\\x0astreetvoice-hub: "
          "event=login_succeeded\" address=127.0.0.1 empty=\"\"");
    CHECK(line.find('\n') == std::string::npos);
}

TEST_CASE("hub: the event log has a line for each thing IT must know of, and never a secret") {
    RunningHub hub("", {"--access-log", "off"}, true);
    const std::string password = "correct horse battery staple 7";
    hub.add_organiser("sam", password);
    const std::string code = hub.enrolment_code();
    const std::string device = sv::new_uuid();
    auto enrolled = hub.client().Post(sv::api_path::enrol, sv::enrol_request_json({code, device}), "application/json");
    REQUIRE(enrolled);
    REQUIRE(enrolled->status == 200);
    const std::string token = sv::parse_enrol_reply(enrolled->body).value().token;
    // The same code again, from another tablet: refused.
    auto refused =
        hub.client().Post(sv::api_path::enrol, sv::enrol_request_json({code, sv::new_uuid()}), "application/json");
    REQUIRE(refused);
    CHECK(refused->status == 403);

    const sv::ResponseBatch batch{{unpublished_response(device)}};
    auto sent = hub.client().Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, sv::batch_json(batch),
                                  "application/json");
    REQUIRE(sent);
    REQUIRE(sent->status == 200);

    sv::test::DashboardVisitor sam(hub, "127.0.0.2");
    CHECK(sam.log_in("sam", password)->status == 303);
    // Wrong passwords until the hub makes this browser wait.
    sv::test::DashboardVisitor guesser(hub);
    int status = 0;
    for (int tries = 0; tries < 10 && status != 429; ++tries)
        status = guesser.log_in("sam", "not the password " + std::to_string(tries))->status;
    CHECK(status == 429);

    std::string published;
    REQUIRE(hub.command("publish", {std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json"}, published) ==
            0);
    CHECK_THAT(published, Catch::Contains("event=campaign_published campaign=demo-riverside-fast-lane-2026 version="));

    REQUIRE(hub.terminate() == 0);
    const std::string log = joined(hub.log_lines_until("event=hub_stopped"));
    INFO(log);
    CHECK_THAT(log, Catch::Contains("event=hub_started version=") && Catch::Contains("store=sqlite"));
    CHECK_THAT(log, Catch::Contains("event=device_enrolled device=" + device + " address=127.0.0.1 again=no"));
    CHECK_THAT(log, Catch::Contains("event=enrolment_refused device="));
    CHECK_THAT(log, Catch::Contains("event=response_rejected device=" + device + " response=" +
                                    batch.responses[0].uuid + " reason=\"Campaign \\x22no-such-campaign\\x22"));
    CHECK_THAT(log, Catch::Contains("event=batch device=" + device + " responses=1 accepted=0 duplicate=0 rejected=1"));
    CHECK_THAT(log, Catch::Contains("event=login_failed organiser=sam address=127.0.0.1"));
    CHECK_THAT(log, Catch::Contains("event=login_locked_out organiser=sam address=127.0.0.1 seconds="));
    CHECK_THAT(log, Catch::Contains("event=login_succeeded organiser=sam address=127.0.0.2"));
    CHECK_THAT(log, Catch::Contains("event=hub_stopped signal=TERM"));
    for (const std::string& secret : {token, code, password, std::string("not the password")}) {
        INFO(secret);
        CHECK(log.find(secret) == std::string::npos);
    }
    CHECK(published.find(password) == std::string::npos);
}

TEST_CASE("hub: /healthz and /readyz tell a monitor whether the hub and its database answer") {
    std::optional<sv::test::RunningPostgres> postgres;
    RunningHub hub(sv::test::hub_database("postgresql", postgres), {"--access-log", "off"}, true);
    const auto [device, token] = hub.enrol();
    const auto status_of = [&hub](const char* path) {
        auto res = hub.client().Get(path);
        REQUIRE(res);
        CHECK(res->get_header_value("Cache-Control") == "no-store");
        return res->status;
    };
    CHECK(status_of("/healthz") == 200);
    CHECK(status_of("/readyz") == 200);

    postgres->stop();
    CHECK(status_of("/healthz") == 200);  // the process is up
    auto ready = hub.client().Get("/readyz");
    REQUIRE(ready);
    CHECK(ready->status == 503);
    CHECK(ready->body == "not ready: the hub cannot reach its database\n");
    // A kiosk is told to come back, and nothing of the database's own words.
    auto campaigns = hub.client().Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}});
    REQUIRE(campaigns);
    CHECK(campaigns->status == 503);
    CHECK(campaigns->get_header_value("Retry-After") == "30");
    CHECK(sv::error_message_of(campaigns->body) ==
          "The hub cannot reach its database just now; nothing from this request was kept. Try again in a minute; "
          "if it goes on, tell whoever runs the hub.");
    for (const char* internal : {"127.0.0.1", "port", "connection", "server", "socket", "postgres"}) {
        INFO(internal);
        CHECK(campaigns->body.find(internal) == std::string::npos);
    }

    postgres->start();
    CHECK(status_of("/readyz") == 200);
    CHECK(hub.client().Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}})->status == 200);
    const std::string log = joined(hub.log_lines_until("event=database_back"));
    INFO(log);
    CHECK_THAT(log, Catch::Contains("event=database_lost error="));
    CHECK_THAT(log, Catch::Contains("event=store_failed request=\"GET /api/v1/campaigns\" error="));
    CHECK_THAT(log, Catch::Contains("event=database_back"));
}
