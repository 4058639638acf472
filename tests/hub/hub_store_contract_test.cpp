// The hub store's promises, held against the store itself on SQLite and on a real PostgreSQL
// server: the one SQL store must keep them the same on both.
#include <catch2/catch.hpp>

#include <algorithm>
#include <future>
#include <optional>

#include "hub_store.hpp"
#include "hub_store_on.hpp"
#include "open_hub_store.hpp"
#include "postgres_connection.hpp"
#include "running_postgres.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

namespace {

using StoreOf = sv::test::HubStoreOn;

sv::HubResponse response(const std::string& uuid, const std::string& fingerprint,
                         const std::string& campaign = "riverside") {
    sv::HubResponse h;
    h.response = {uuid, campaign, 1, "compass", "event-1", "kiosk-1", "2026-11-29T10:00:00.000Z", R"({"a":1})"};
    h.fingerprint = fingerprint;
    h.received_at = "2026-11-29T10:00:01.000Z";
    return h;
}

}  // namespace

TEST_CASE("the store keeps a response once and tells a repeat from a changed copy", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    auto first = store->insert_responses({response("u1", "f1"), response("u2", "f2")});
    REQUIRE(first.ok());
    CHECK(first.value() == std::vector{sv::InsertOutcome::inserted, sv::InsertOutcome::inserted});
    auto again = store->insert_responses({response("u1", "f1"), response("u2", "changed"), response("u3", "f3")});
    REQUIRE(again.ok());
    CHECK(again.value() == std::vector{sv::InsertOutcome::same_already_stored,
                                       sv::InsertOutcome::different_already_stored, sv::InsertOutcome::inserted});
    CHECK(store->response_count().value() == 3);
    auto all = store->responses_of_campaign("riverside");
    REQUIRE(all.ok());
    REQUIRE(all.value().size() == 3);
    CHECK(all.value()[1].fingerprint == "f2");  // the stored copy is never replaced
    CHECK(all.value()[0].response.payload == R"({"a":1})");
    CHECK(all.value()[0].response.device_time == "2026-11-29T10:00:00.000Z");
}

TEST_CASE("a reader coming back where it left off gets only what is new", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->insert_responses({response("u1", "f1"), response("other", "f", "elsewhere")}).ok());
    std::int64_t last_row = 0;
    int seen = 0;
    auto since = store->visit_responses_of_campaign("riverside", 0, [&](const sv::HubResponse& h) {
        last_row = h.row;
        ++seen;
    });
    REQUIRE(since.ok());
    CHECK(seen == 1);
    REQUIRE(store->insert_responses({response("u2", "f2")}).ok());
    std::vector<std::string> newer;
    REQUIRE(store
                ->visit_responses_of_campaign("riverside", since.value(),
                                              [&](const sv::HubResponse& h) {
                                                  CHECK(h.row > last_row);
                                                  newer.push_back(h.response.uuid);
                                              })
                .ok());
    CHECK(newer == std::vector<std::string>{"u2"});
}

// PostgreSQL lets uploads commit side by side: a response given a lower row number may commit
// after one given a higher. A reader that kept the last row it saw would never see it.
TEST_CASE("a reader catching up misses no response that committed after a later row", "[store]") {
    StoreOf store("postgresql");
    auto held = sv::PostgresConnection::open(store.database);
    REQUIRE(held.ok());
    sv::SqlConnection& other_hub = *held.value();
    REQUIRE(other_hub.begin_writing_alongside("store a response").ok());
    REQUIRE(other_hub
                .run("store a response",
                     "INSERT INTO responses(uuid, campaign_id, campaign_version, activity_id, event_id, device_id, "
                     "device_time, payload, fingerprint, received_at) VALUES ('slow', 'riverside', 1, 'compass', "
                     "'event-1', 'kiosk-2', '2026-11-29T10:00:00.000Z', '{}', 'f', '2026-11-29T10:00:01.000Z')",
                     {})
                .ok());
    // Stored and committed while the other hub's transaction, with the lower row, is still open.
    REQUIRE(store->insert_responses({response("quick", "f1")}).ok());
    std::vector<std::string> seen;
    const auto read = [&](std::int64_t since) {
        auto next = store->visit_responses_of_campaign(
            "riverside", since, [&](const sv::HubResponse& h) { seen.push_back(h.response.uuid); });
        REQUIRE(next.ok());
        return next.value();
    };
    std::int64_t since = read(0);
    REQUIRE(other_hub.commit("store a response").ok());
    since = read(since);
    since = read(since);
    std::sort(seen.begin(), seen.end());
    CHECK(seen == std::vector<std::string>{"quick", "slow"});  // each once, the slow one too
}

TEST_CASE("reading every response never holds up a kiosk's upload", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->insert_responses({response("u1", "f1"), response("u2", "f2")}).ok());
    std::optional<bool> upload_finished_while_reading;
    auto read = store->visit_responses_of_campaign("riverside", 0, [&](const sv::HubResponse&) {
        if (upload_finished_while_reading) return;
        // The dashboard is part way through its walk; a kiosk uploads now, on another thread.
        auto upload = std::async(std::launch::async, [&] { return store->insert_responses({response("u3", "f3")}); });
        // A deadline, not a pause: a store that made the upload wait for the walk never gets here in time.
        upload_finished_while_reading = upload.wait_for(std::chrono::seconds(30)) == std::future_status::ready;
        if (*upload_finished_while_reading) CHECK(upload.get().ok());
    });
    REQUIRE(read.ok());
    REQUIRE(upload_finished_while_reading);
    CHECK(*upload_finished_while_reading);
    CHECK(store->response_count().value() == 3);
}

TEST_CASE("an enrolment code is used once, except by the same tablet again soon after", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->add_enrolment_code("code-hash", "", {"riverside"}).ok());
    CHECK(store->enrol_device("unknown-code", "kiosk-1", "token-1", "").value() == sv::EnrolOutcome::code_not_usable);
    CHECK(store->enrol_device("code-hash", "kiosk-1", "token-1", "").value() == sv::EnrolOutcome::enrolled);
    CHECK(store->enrol_device("code-hash", "kiosk-2", "token-2", "").value() == sv::EnrolOutcome::code_not_usable);
    // Its first reply was lost: the same tablet asks again with the same code, and gets a new token.
    CHECK(store->enrol_device("code-hash", "kiosk-1", "token-1b", "").value() == sv::EnrolOutcome::enrolled);
    CHECK_FALSE(store->device_for_token("token-1").value());
    auto device = store->device_for_token("token-1b");
    REQUIRE(device.ok());
    REQUIRE(device.value());
    CHECK(device.value()->device_id == "kiosk-1");
    CHECK(device.value()->campaigns == std::vector<std::string>{"riverside"});
}

TEST_CASE("a tablet's id is taken over only with its token or a code made for it", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->add_enrolment_code("first", "", {}).ok());
    REQUIRE(store->add_enrolment_code("second", "", {}).ok());
    REQUIRE(store->add_enrolment_code("for-kiosk-1", "kiosk-1", {}).ok());
    REQUIRE(store->enrol_device("first", "kiosk-1", "token-1", "").value() == sv::EnrolOutcome::enrolled);
    CHECK(store->enrol_device("second", "kiosk-1", "stolen", "").value() == sv::EnrolOutcome::device_enrolled_already);
    CHECK(store->enrol_device("for-kiosk-1", "kiosk-2", "token-2", "").value() == sv::EnrolOutcome::code_not_usable);
    CHECK(store->enrol_device("second", "kiosk-1", "token-1c", "token-1").value() == sv::EnrolOutcome::enrolled);
    CHECK(store->enrol_device("for-kiosk-1", "kiosk-1", "token-1d", "").value() == sv::EnrolOutcome::enrolled);
    CHECK(store->device_for_token("token-1d").value()->device_id == "kiosk-1");
    // Restoring from another hub never replaces the token of a device already here.
    REQUIRE(store->restore_device({"kiosk-1", "elsewhere", {}, "", "", ""}).ok());
    REQUIRE(store
                ->restore_device(
                    {"kiosk-9", "token-9", {"a", "b"}, "Gala tablet", "2026-11-01T09:00:00Z", "2026-11-20T10:00:00Z"})
                .ok());
    auto devices = store->devices();
    REQUIRE(devices.ok());
    REQUIRE(devices.value().size() == 2);
    CHECK(devices.value()[0].token_hash == "token-1d");
    CHECK(devices.value()[1].campaigns == std::vector<std::string>{"a", "b"});
    CHECK(devices.value()[1].name == "Gala tablet");
    // A moved hub keeps when a tablet was enrolled, and that it was revoked.
    CHECK(devices.value()[1].enrolled_at.substr(0, 10) == "2026-11-01");  // PostgreSQL writes its own format
    CHECK(devices.value()[1].revoked_at == "2026-11-20T10:00:00Z");
}

TEST_CASE("a tablet takes the name its code gives, keeps it when enrolled again without one, and is renamed",
          "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->add_enrolment_code("named", "", {}, "Library tablet 2").ok());
    REQUIRE(store->add_enrolment_code("again", "kiosk-1", {}).ok());
    REQUIRE(store->enrol_device("named", "kiosk-1", "token-1", "").value() == sv::EnrolOutcome::enrolled);
    CHECK(store->device_for_token("token-1").value()->name == "Library tablet 2");
    REQUIRE(store->enrol_device("again", "kiosk-1", "token-2", "").value() == sv::EnrolOutcome::enrolled);
    CHECK(store->device_for_token("token-2").value()->name == "Library tablet 2");
    CHECK(store->name_device("kiosk-1", "Gala tablet").value());
    CHECK(store->devices().value().front().name == "Gala tablet");
    CHECK_FALSE(store->name_device("kiosk-9", "Nobody").value());
}

TEST_CASE("a revoked tablet is known as revoked, and enrolled again only with a code made for it", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->add_enrolment_code("first", "", {}).ok());
    REQUIRE(store->add_enrolment_code("any", "", {}).ok());
    REQUIRE(store->add_enrolment_code("for-kiosk-1", "kiosk-1", {}).ok());
    REQUIRE(store->enrol_device("first", "kiosk-1", "token-1", "").value() == sv::EnrolOutcome::enrolled);
    CHECK(store->device_for_token("token-1").value()->revoked_at.empty());
    CHECK(store->revoke_device("kiosk-1").value());
    CHECK_FALSE(store->revoke_device("kiosk-9").value());
    CHECK_FALSE(store->device_for_token("token-1").value()->revoked_at.empty());
    // Not with its own token (a thief may hold it), nor a code for any tablet.
    CHECK(store->enrol_device("any", "kiosk-1", "token-2", "token-1").value() ==
          sv::EnrolOutcome::device_enrolled_already);
    CHECK(store->enrol_device("for-kiosk-1", "kiosk-1", "token-3", "").value() == sv::EnrolOutcome::enrolled);
    CHECK(store->device_for_token("token-3").value()->revoked_at.empty());
    CHECK_FALSE(store->device_for_token("token-1").value());
}

TEST_CASE("a tablet's last word on what it keeps replaces its earlier one, campaign by campaign", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->record_tablet_counts("kiosk-1", {{"riverside", 5, 1, 0}, {"budget", 3, 0, 1}}).ok());
    REQUIRE(store->record_tablet_counts("kiosk-2", {{"riverside", 2, 0, 0}}).ok());
    REQUIRE(store->record_tablet_counts("kiosk-1", {{"riverside", 7, 0, 0}}).ok());
    const auto riverside = store->tablet_counts("riverside").value();
    REQUIRE(riverside.size() == 2);
    CHECK(riverside[0].device_id == "kiosk-1");
    CHECK(riverside[0].count.answers == 7);
    CHECK(riverside[0].count.waiting == 0);
    CHECK(riverside[0].reported_at.size() == 20);
    CHECK(riverside[1].count.answers == 2);
    CHECK(store->tablet_counts("budget").value().empty());  // no longer named by kiosk-1
}

TEST_CASE("the hub reads back the UUIDs of every response one device sent, and no other's", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    std::vector<sv::HubResponse> responses;
    for (int i = 0; i < 5; ++i) {
        sv::Response r{sv::new_uuid(),         "riverside", 1, "ps", "event-1", i < 3 ? "kiosk-1" : "kiosk-2",
                       "2026-11-20T10:00:00Z", "{}"};
        responses.push_back({r, sv::response_fingerprint(r), "2026-11-20T10:01:00Z"});
    }
    REQUIRE(store->insert_responses(responses).ok());
    auto uuids = store->response_uuids_of_device("kiosk-1").value();
    std::sort(uuids.begin(), uuids.end());
    std::vector<std::string> expected{responses[0].response.uuid, responses[1].response.uuid,
                                      responses[2].response.uuid};
    std::sort(expected.begin(), expected.end());
    CHECK(uuids == expected);
    CHECK(store->response_uuids_of_device("kiosk-9").value().empty());
}

TEST_CASE("a campaign version is published once and never changed", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    CHECK(store->publish_campaign({"riverside", 1, "{one}", {}, {}, {}}).value());
    CHECK_FALSE(store->publish_campaign({"riverside", 1, "{one}", {}, {}, {}}).value());
    auto changed = store->publish_campaign({"riverside", 1, "{changed}", {}, {}, {}});
    REQUIRE_FALSE(changed.ok());
    CHECK(changed.error().message.find("new version number") != std::string::npos);
    CHECK(store->publish_campaign({"riverside", 2, "{two}", {}, {}, {}}).value());
    auto all = store->published_campaigns();
    REQUIRE(all.ok());
    REQUIRE(all.value().size() == 2);
    CHECK(all.value()[0].definition == "{one}");
    CHECK(all.value()[1].version == 2);
}

TEST_CASE("an event keeps the details it first arrived with", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->record_events({{"e1", "kiosk-1", "Library", "Riverside", "2026-11-29T09:00:00Z"}}).ok());
    REQUIRE(store
                ->record_events({{"e1", "kiosk-2", "Renamed", "Hill", "2026-11-29T09:30:00Z"},
                                 {"e2", "kiosk-2", "Gala", "Hill", "2026-11-29T08:00:00Z"}})
                .ok());
    auto events = store->events();
    REQUIRE(events.ok());
    REQUIRE(events.value().size() == 2);
    CHECK(events.value()[0].place == "Gala");  // by start time
    CHECK(events.value()[1].place == "Library");
}

TEST_CASE("organisers are added, given new passwords, made councillors and removed", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    REQUIRE(store->save_organiser({"sam", "hash-1", ""}).ok());
    REQUIRE(store->save_organiser({"sam", "hash-2", ""}).ok());
    REQUIRE(store->save_organiser({"alex", "hash-3", "Northfield"}).ok());
    CHECK(store->organiser("sam").value()->password_hash == "hash-2");
    CHECK(store->organiser("sam").value()->councillor_ward.empty());
    CHECK(store->organiser("alex").value()->councillor_ward == "Northfield");
    CHECK_FALSE(store->organiser("nobody").value());
    // Saved again as an organiser, a councillor is one.
    REQUIRE(store->save_organiser({"alex", "hash-4", ""}).ok());
    CHECK(store->organiser("alex").value()->councillor_ward.empty());
    CHECK(store->organisers().value().size() == 2);
    CHECK(store->remove_organiser("sam").value());
    CHECK_FALSE(store->remove_organiser("sam").value());
    CHECK(store->organisers().value().front().name == "alex");
}

TEST_CASE("a campaign's results are public only once switched on, and off again", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    CHECK_FALSE(store->results_public("riverside").value());
    REQUIRE(store->set_results_public("riverside", true, "admin").ok());
    REQUIRE(store->set_results_public("riverside", true, "admin again").ok());  // on already: kept as it was
    CHECK(store->results_public("riverside").value());
    CHECK_FALSE(store->results_public("other").value());
    REQUIRE(store->public_results().value().size() == 1);
    CHECK(store->public_results().value()[0].switched_on_by == "admin");
    REQUIRE(store->set_results_public("riverside", false, "admin").ok());
    CHECK_FALSE(store->results_public("riverside").value());
    CHECK(store->public_results().value().empty());
}

TEST_CASE("notes are kept per campaign in the order written, and removed once", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const auto first = store->add_outcome_note({0, "riverside", "", "said 1", "did 1", "sam", "2026-11-29T10:00:00Z"});
    const auto second =
        store->add_outcome_note({0, "riverside", "Hill", "said 2", "did 2", "sam", "2026-11-29T10:01:00Z"});
    REQUIRE(store->add_outcome_note({0, "other", "", "said 3", "did 3", "sam", "2026-11-29T10:02:00Z"}).ok());
    REQUIRE(first.ok());
    REQUIRE(second.ok());
    CHECK(second.value() > first.value());
    auto notes = store->outcome_notes("riverside");
    REQUIRE(notes.ok());
    REQUIRE(notes.value().size() == 2);
    CHECK(notes.value()[1].ward == "Hill");
    CHECK(store->outcome_notes("").value().size() == 3);
    CHECK_FALSE(store->remove_outcome_note("other", first.value()).value());  // not that campaign's
    CHECK(store->remove_outcome_note("riverside", first.value()).value());
    CHECK_FALSE(store->remove_outcome_note("riverside", first.value()).value());
    CHECK(store->outcome_notes("riverside").value().size() == 1);
}

TEST_CASE("the audit log gives the newest entries first, as many as asked", "[store]") {
    StoreOf store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    for (const char* action : {"logged in", "published riverside", "logged out"})
        REQUIRE(store->add_audit_entry({0, "2026-11-29T10:00:00Z", "sam", action, "127.0.0.1"}).ok());
    auto newest = store->audit_entries(2);
    REQUIRE(newest.ok());
    REQUIRE(newest.value().size() == 2);
    CHECK(newest.value()[0].action == "logged out");
    CHECK(newest.value()[1].action == "published riverside");
    CHECK(store->audit_entries(0).value().size() == 3);
}
