#include <sqlite3.h>

#include <sys/wait.h>
#include <unistd.h>
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>

#include "about_you.hpp"
#include "ballot_chain.hpp"
#include "place_standard.hpp"
#include "store.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using sv::Store;
using sv::test::TempFolder;

namespace {

sv::ResponseDraft draft_with(int seed) {
    sv::PlaceStandardAnswers answers;
    for (int i = 0; i < sv::kThemeCount; ++i)
        if ((seed + i) % 5 != 0) answers.ratings[static_cast<std::size_t>(i)] = 1 + (seed + i) % 7;
    answers.comments[3] = "comment " + std::to_string(seed);
    return {sv::new_uuid(), "demo", 1, "place", sv::place_standard_payload(answers), {}};
}

Store open_store(const std::string& path) {
    auto store = Store::open(path);
    if (!store) FAIL(store.error().message);
    return std::move(store).value();
}

int raw_exec(const std::string& path, const char* sql, std::string* message = nullptr) {
    sqlite3* db = nullptr;
    sqlite3_open(path.c_str(), &db);
    char* error = nullptr;
    const int rc = sqlite3_exec(db, sql, nullptr, nullptr, &error);
    if (message && error) *message = error;
    sqlite3_free(error);
    sqlite3_close(db);
    return rc;
}

}  // namespace

TEST_CASE("a new store gets a schema, a device id and a first event") {
    TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    std::string device, event;
    {
        Store store = open_store(path);
        CHECK(sv::looks_like_uuid(store.device_id()));
        CHECK(sv::looks_like_uuid(store.current_event_id()));
        device = store.device_id();
        event = store.current_event_id();
        CHECK(store.check_integrity().ok());
    }
    Store again = open_store(path);
    CHECK(again.device_id() == device);
    CHECK(again.current_event_id() == event);
}

TEST_CASE("the store file is in WAL mode with the schema version set") {
    TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    { Store store = open_store(path); }
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    sqlite3_stmt* q = nullptr;
    sqlite3_prepare_v2(db, "PRAGMA journal_mode", -1, &q, nullptr);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    CHECK(std::string(reinterpret_cast<const char*>(sqlite3_column_text(q, 0))) == "wal");
    sqlite3_finalize(q);
    sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &q, nullptr);
    REQUIRE(sqlite3_step(q) == SQLITE_ROW);
    CHECK(sqlite3_column_int(q, 0) == sv::kStoreSchemaVersion);
    sqlite3_finalize(q);
    sqlite3_close(db);
}

TEST_CASE("a recorded response is stored whole, pending in the outbox") {
    TempFolder folder;
    Store store = open_store(folder.file("answers.sqlite"));
    const auto draft = draft_with(1);
    auto saved = store.record_response(draft);
    REQUIRE(saved.ok());
    auto found = store.find_response(draft.uuid);
    REQUIRE(found.ok());
    REQUIRE(found.value().has_value());
    const auto& r = *found.value();
    CHECK(r.payload == draft.payload);
    CHECK(r.campaign_id == "demo");
    CHECK(r.campaign_version == 1);
    CHECK(r.activity_id == "place");
    CHECK(r.device_id == store.device_id());
    CHECK(r.event_id == store.current_event_id());
    CHECK(r.device_time.size() == 24);
    CHECK(r.outbox == sv::OutboxState::pending);
    auto counts = store.outbox_counts();
    REQUIRE(counts.ok());
    CHECK(counts.value().pending == 1);
    CHECK(counts.value().synced == 0);
}

TEST_CASE("saving the same response twice stores it once, a different one under its id is refused") {
    TempFolder folder;
    Store store = open_store(folder.file("answers.sqlite"));
    const auto draft = draft_with(2);
    REQUIRE(store.record_response(draft).ok());
    REQUIRE(store.record_response(draft).ok());
    CHECK(store.responses().value().size() == 1);

    auto changed = draft;
    changed.payload = draft_with(3).payload;
    auto refused = store.record_response(changed);
    REQUIRE_FALSE(refused.ok());
    CHECK_THAT(refused.error().message, Catch::Contains("same id") && Catch::Contains("kept unchanged"));
    CHECK(store.find_response(draft.uuid).value()->payload == draft.payload);
}

TEST_CASE("stored responses cannot be changed or deleted behind the kiosk's back") {
    TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    Store store = open_store(path);
    const auto draft = draft_with(4);
    REQUIRE(store.record_response(draft).ok());
    std::string message;
    CHECK(raw_exec(path, "UPDATE responses SET payload = '{}'", &message) != SQLITE_OK);
    CHECK_THAT(message, Catch::Contains("immutable"));
    CHECK(raw_exec(path, "DELETE FROM responses", &message) != SQLITE_OK);
    CHECK(store.find_response(draft.uuid).value()->payload == draft.payload);
}

TEST_CASE("a full disk is reported in plain words and loses nothing") {
    TempFolder folder;
    Store store = open_store(folder.file("answers.sqlite"));
    std::vector<sv::ResponseDraft> kept;
    for (int i = 0; i < 5; ++i) {
        kept.push_back(draft_with(i));
        REQUIRE(store.record_response(kept.back()).ok());
    }
    // The file may not grow: SQLite then answers exactly as on a full disk (SQLITE_FULL).
    const auto pages_now = static_cast<std::int64_t>(std::filesystem::file_size(folder.file("answers.sqlite")) / 4096);
    store.limit_pages_for_test(pages_now);
    sv::ResponseDraft big = draft_with(99);
    sv::PlaceStandardAnswers answers;
    for (auto& c : answers.comments) c = std::string(990, 'x');
    big.payload = sv::place_standard_payload(answers);
    int failures = 0;
    std::string message;
    for (int i = 0; i < 20 && failures == 0; ++i) {
        big.uuid = sv::new_uuid();
        auto saved = store.record_response(big);
        if (!saved) {
            ++failures;
            message = saved.error().message;
        } else {
            kept.push_back(big);
        }
    }
    REQUIRE(failures == 1);
    CHECK_THAT(message, Catch::Contains("storage is full") && Catch::Contains("already saved are safe"));
    CHECK_FALSE(store.find_response(big.uuid).value().has_value());
    for (const auto& d : kept) CHECK(store.find_response(d.uuid).value()->payload == d.payload);
    CHECK(store.check_integrity().ok());

    store.limit_pages_for_test(1 << 30);
    CHECK(store.record_response(big).ok());
}

TEST_CASE("a file that is not an answers file is refused and left untouched") {
    TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    std::string garbage(8192, '\0');
    for (std::size_t i = 0; i < garbage.size(); ++i) garbage[i] = static_cast<char>((i * 7919) % 251);
    sv::test::write_file(path, garbage);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("damaged") && Catch::Contains("do not delete it"));
    CHECK(sv::test::read_file(path) == garbage);
}

TEST_CASE("a store damaged inside is refused and left untouched") {
    TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    {
        Store store = open_store(path);
        for (int i = 0; i < 300; ++i) REQUIRE(store.record_response(draft_with(i)).ok());
    }
    REQUIRE(raw_exec(path, "PRAGMA wal_checkpoint(TRUNCATE)") == SQLITE_OK);
    std::string bytes = sv::test::read_file(path);
    REQUIRE(bytes.size() > 20 * 4096);
    // Scribble over an interior page's header, as a failing storage card might.
    for (std::size_t i = 10 * 4096; i < 10 * 4096 + 64; ++i) bytes[i] = static_cast<char>(0xA5);
    sv::test::write_file(path, bytes);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("damaged"));
    CHECK(sv::test::read_file(path) == bytes);
}

TEST_CASE("a store from a newer kiosk is refused and left untouched") {
    TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    { Store store = open_store(path); }
    REQUIRE(raw_exec(path, "PRAGMA user_version = 99") == SQLITE_OK);
    const auto before = sv::test::read_file(path);
    auto store = Store::open(path);
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("newer version"));
    CHECK(sv::test::read_file(path) == before);
}

TEST_CASE("a store in a folder that does not exist is reported") {
    TempFolder folder;
    auto store = Store::open(folder.file("missing/answers.sqlite"));
    REQUIRE_FALSE(store.ok());
    CHECK_THAT(store.error().message, Catch::Contains("cannot be written"));
}

TEST_CASE("the store keeps each campaign version it ran, and refuses a changed file under the same version") {
    TempFolder folder;
    Store store = open_store(folder.file("answers.sqlite"));
    REQUIRE(store.remember_campaign("riverside", 1, R"({"v":1})").ok());
    REQUIRE(store.remember_campaign("riverside", 1, R"({"v":1})").ok());  // the kiosk starting again
    const auto changed = store.remember_campaign("riverside", 1, R"({"v":"edited"})");
    REQUIRE_FALSE(changed.ok());
    CHECK_THAT(changed.error().message, Catch::Contains("Give the changed file a new version number"));
    REQUIRE(store.remember_campaign("riverside", 2, R"({"v":2})").ok());
    CHECK(*store.campaign_definition("riverside").value() == R"({"v":2})");
    CHECK(*store.campaign_definition("riverside", 1).value() == R"({"v":1})");
    CHECK_FALSE(store.campaign_definition("elsewhere").value().has_value());
}

TEST_CASE("a campaign file and the hub's compact copy of it are the same version, a changed value is not") {
    TempFolder folder;
    Store store = open_store(folder.file("answers.sqlite"));
    const std::string hubs_copy = R"({"budget":50000,"id":"riverside","title":{"cy":"Afon","en":"River"},"version":3})";
    REQUIRE(store.remember_campaign("riverside", 3, hubs_copy).ok());
    const std::string as_written = R"({
        "id": "riverside",
        "version": 3,
        "title": { "en": "River", "cy": "Afon" },
        "budget": 50000
    })";
    CHECK(store.remember_campaign("riverside", 3, as_written).ok());
    CHECK(*store.campaign_definition("riverside", 3).value() == hubs_copy);  // the first copy is kept
    std::string edited = as_written;
    edited.replace(edited.find("50000"), 5, "60000");
    const auto changed = store.remember_campaign("riverside", 3, edited);
    REQUIRE_FALSE(changed.ok());
    CHECK_THAT(changed.error().message, Catch::Contains("Give the changed file a new version number"));
    CHECK_FALSE(store.remember_campaign("riverside", 3, "not JSON at all").ok());
}

TEST_CASE("a store from the first schema is brought up to date with its answers kept") {
    TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    const auto draft = draft_with(4);
    {
        Store store = open_store(path);
        REQUIRE(store.record_response(draft).ok());
    }
    // What a kiosk of schema 1 left behind: no campaigns table, no voter codes, no notes or
    // picture names from the hub, no chain.
    REQUIRE(raw_exec(path,
                     "DROP TABLE campaigns; DROP TABLE voter_codes_used; DROP TABLE outcome_notes; DROP TABLE "
                     "campaign_pictures; DROP TABLE response_chain; PRAGMA user_version=1;") == SQLITE_OK);
    Store store = open_store(path);
    REQUIRE(store.remember_campaign("demo", 1, "{}").ok());
    auto found = store.find_response(draft.uuid);
    REQUIRE(found.ok());
    REQUIRE(found.value().has_value());
    CHECK(found.value()->payload == draft.payload);
    CHECK(store.check_integrity().ok());
    CHECK(store.chain_head().value().answers == 1);  // linked on the way up
    CHECK(store.check_chain().value().empty());
}

TEST_CASE("two programs opening one new answers file at the same moment both get it") {
    sv::test::TempFolder folder;
    int failures = 0;
    for (int round = 0; round < 40; ++round) {
        const std::string path = folder.file("answers-" + std::to_string(round) + ".sqlite");
        const pid_t other = fork();
        REQUIRE(other >= 0);
        if (other == 0) _exit(sv::Store::open(path).ok() ? 0 : 1);
        auto store = sv::Store::open(path);
        if (!store) {
            ++failures;
            UNSCOPED_INFO(store.error().message);
        }
        int status = 0;
        waitpid(other, &status, 0);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) ++failures;
    }
    CHECK(failures == 0);
}

TEST_CASE("the outbox hands out the oldest pending responses and records the hub's verdicts once") {
    TempFolder folder;
    Store store = open_store(folder.file("answers.sqlite"));
    std::vector<std::string> uuids;
    for (int i = 0; i < 5; ++i) {
        const auto draft = draft_with(10 + i);
        REQUIRE(store.record_response(draft).ok());
        uuids.push_back(draft.uuid);
    }
    auto first = store.pending_responses(3);
    REQUIRE(first.ok());
    REQUIRE(first.value().size() == 3);
    for (std::size_t i = 0; i < 3; ++i) CHECK(first.value()[i].uuid == uuids[i]);

    using S = sv::OutboxState;
    REQUIRE(store
                .record_sync_outcome({{uuids[0], S::synced, ""},
                                      {uuids[1], S::rejected, "That campaign is not published on the hub."},
                                      {uuids[2], S::synced, ""},
                                      {"not-a-response-here", S::synced, ""}})
                .ok());
    // A late verdict on a response already settled changes nothing.
    REQUIRE(store.record_sync_outcome({{uuids[1], S::synced, ""}}).ok());

    auto next = store.pending_responses(10);
    REQUIRE(next.value().size() == 2);
    CHECK(next.value()[0].uuid == uuids[3]);
    const auto rejected = store.find_response(uuids[1]).value();
    CHECK(rejected->outbox == S::rejected);
    CHECK(rejected->rejection_reason == "That campaign is not published on the hub.");
    auto counts = store.outbox_counts().value();
    CHECK(counts.pending == 2);
    CHECK(counts.synced == 2);
    CHECK(counts.rejected == 1);

    CHECK(store.requeue_rejected().value() == 1);
    CHECK(store.pending_responses(10).value().size() == 3);
    CHECK(store.find_response(uuids[1]).value()->rejection_reason.empty());
}

TEST_CASE("answers the hub acknowledged go back in the queue only when asked, and counts leave out about-you") {
    TempFolder folder;
    Store store = open_store(folder.file("answers.sqlite"));
    std::vector<std::string> uuids;
    for (int i = 0; i < 4; ++i) {
        const auto draft = draft_with(30 + i);
        REQUIRE(store.record_response(draft).ok());
        uuids.push_back(draft.uuid);
    }
    REQUIRE(store.record_response({sv::new_uuid(), "demo", 1, sv::kAboutYouActivity, "{}", {}}).ok());
    using S = sv::OutboxState;
    REQUIRE(store
                .record_sync_outcome(
                    {{uuids[0], S::synced, ""}, {uuids[1], S::synced, ""}, {uuids[2], S::rejected, "Not published."}})
                .ok());
    auto sent = store.sent_uuids().value();
    std::sort(sent.begin(), sent.end());
    std::vector<std::string> expected{uuids[0], uuids[1]};
    std::sort(expected.begin(), expected.end());
    CHECK(sent == expected);

    const auto counts = store.answer_counts().value();
    REQUIRE(counts.size() == 1);
    CHECK(counts[0].campaign_id == "demo");
    CHECK(counts[0].answers == 4);
    CHECK(counts[0].waiting == 1);
    CHECK(counts[0].refused == 1);

    // Only answers the hub acknowledged: a refused or waiting one, or one unknown, is not touched.
    CHECK(store.send_again({uuids[1], uuids[2], uuids[3], sv::new_uuid()}).value() == 1);
    CHECK(store.find_response(uuids[1]).value()->outbox == S::pending);
    CHECK(store.find_response(uuids[2]).value()->outbox == S::rejected);
    CHECK(store.send_all_again().value() == 1);
    CHECK(store.sent_uuids().value().empty());
    CHECK(store.outbox_counts().value().pending == 4);  // with the about-you answer
}

TEST_CASE("settings are kept beside the answers and can be replaced") {
    TempFolder folder;
    const auto path = folder.file("answers.sqlite");
    {
        Store store = open_store(path);
        CHECK_FALSE(store.setting("hub_url").value().has_value());
        REQUIRE(store.save_setting("hub_url", "https://hub.example").ok());
        REQUIRE(store.save_setting("hub_url", "https://hub2.example").ok());
    }
    Store again = open_store(path);
    CHECK(again.setting("hub_url").value() == std::optional<std::string>("https://hub2.example"));
    CHECK(again.setting("device_id").value() == std::optional<std::string>(again.device_id()));
}

TEST_CASE("each answer is linked to the one before it, and an edit, removal or insertion breaks the chain") {
    TempFolder folder;
    const std::string path = folder.file("answers.sqlite");
    std::vector<std::string> uuids;
    std::string head_before;
    {
        Store store = open_store(path);
        CHECK(store.chain_head().value().answers == 0);
        CHECK(store.chain_head().value().link == sv::kChainStart);
        for (int i = 0; i < 5; ++i) uuids.push_back(store.record_response(draft_with(i)).value().uuid);
        const auto head = store.chain_head().value();
        CHECK(head.answers == 5);
        // The head is the last answer's link over the one before it, and so back to the start.
        std::string link = sv::kChainStart;
        const auto stored = store.responses().value();
        for (const auto& r : stored) link = sv::chain_link(link, r);
        CHECK(head.link == link);
        CHECK(store.check_chain().value().empty());
        head_before = head.link;
    }
    // Someone with sqlite3 changes the third answer's payload (the trigger that forbids it dropped first).
    REQUIRE(raw_exec(path,
                     "DROP TRIGGER responses_are_immutable; UPDATE responses SET payload = "
                     "json_set(payload, '$.ratings[0]', 7) WHERE seq = 3") == SQLITE_OK);
    {
        Store store = open_store(path);
        const auto breaks = store.check_chain().value();
        REQUIRE(breaks.size() == 1);
        CHECK(breaks[0].uuid == uuids[2]);
        CHECK_THAT(breaks[0].what, Catch::Contains("changed"));
        CHECK(store.chain_head().value().link == head_before);  // the head still says what was stored
    }
    // Removing the fourth (its link too, with the keys and triggers out of the way) breaks the fifth.
    REQUIRE(raw_exec(path,
                     "PRAGMA foreign_keys=OFF; DROP TRIGGER responses_are_kept; DELETE FROM outbox WHERE "
                     "response_seq = 4; DELETE FROM response_chain WHERE response_seq = 4; DELETE FROM "
                     "responses WHERE seq = 4") == SQLITE_OK);
    {
        Store store = open_store(path);
        std::vector<std::string> broken;
        const auto breaks = store.check_chain().value();
        for (const auto& b : breaks) broken.push_back(b.uuid);
        CHECK(broken == std::vector<std::string>{uuids[2], uuids[4]});
    }
    // An answer slipped in with no link.
    REQUIRE(raw_exec(path,
                     "INSERT INTO responses(uuid, campaign_id, campaign_version, activity_id, event_id, "
                     "device_id, device_time, payload) SELECT 'slipped-in', campaign_id, campaign_version, "
                     "activity_id, event_id, device_id, device_time, payload FROM responses WHERE seq = 1") ==
            SQLITE_OK);
    Store store = open_store(path);
    const auto breaks = store.check_chain().value();
    REQUIRE(breaks.size() == 3);
    CHECK(breaks[2].uuid == "slipped-in");
    CHECK_THAT(breaks[2].what, Catch::Contains("put in the file afterwards"));
}

TEST_CASE("an answers file from before chains gets every answer linked, oldest first, when opened") {
    TempFolder folder;
    const std::string path = folder.file("answers.sqlite");
    std::string head;
    {
        Store store = open_store(path);
        for (int i = 0; i < 4; ++i) REQUIRE(store.record_response(draft_with(i)).ok());
        head = store.chain_head().value().link;
    }
    // As the file was at schema version 5: no chain table.
    REQUIRE(raw_exec(path, "DROP TABLE response_chain; PRAGMA user_version = 5") == SQLITE_OK);
    Store store = open_store(path);
    CHECK(store.chain_head().value().answers == 4);
    CHECK(store.chain_head().value().link == head);  // the same links as when stored
    CHECK(store.check_chain().value().empty());
    REQUIRE(store.record_response(draft_with(9)).ok());
    CHECK(store.check_chain().value().empty());
    // Each answer waiting to be sent carries the link it was made from and its own, in order.
    const auto pending = store.pending_responses(10).value();
    REQUIRE(pending.size() == 5);
    std::string before = sv::kChainStart;
    for (const auto& r : pending) {
        REQUIRE(r.chain.has_value());
        CHECK(r.chain->before == before);
        CHECK(r.chain->link == sv::chain_link(before, r));
        before = r.chain->link;
    }
    CHECK(before == store.chain_head().value().link);
}

TEST_CASE("answers about the person stay out of the chain, so nothing pairs them with the answer before") {
    TempFolder folder;
    Store store = open_store(folder.file("answers.sqlite"));
    REQUIRE(store.record_response(draft_with(1)).ok());
    const std::string after_first = store.chain_head().value().link;
    REQUIRE(store.record_response({sv::new_uuid(), "demo", 1, sv::kAboutYouActivity, R"({"answers":{"age":"2"}})", {}})
                .ok());
    CHECK(store.chain_head().value().link == after_first);  // unchanged
    CHECK(store.chain_head().value().answers == 1);
    REQUIRE(store.record_response(draft_with(2)).ok());
    CHECK(store.check_chain().value().empty());
    const auto pending = store.pending_responses(10).value();
    REQUIRE(pending.size() == 3);
    CHECK_FALSE(pending[1].chain.has_value());  // sent without a place in the chain
    REQUIRE(pending[2].chain.has_value());
    CHECK(pending[2].chain->before == after_first);  // the next answer follows the one before the person's
}
