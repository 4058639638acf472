#include "sqlite_hub_store.hpp"

#include <sqlite3.h>

#include <iterator>

#include "sqlite_statement.hpp"
#include "store_error.hpp"

namespace sv {
namespace {

// Each entry moves the schema from version i to i+1. Never edit one that has shipped: add another.
const char* const kHubMigrations[] = {
    R"sql(
CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    used_at TEXT,
    used_by TEXT
);
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE campaigns (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    published_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    PRIMARY KEY (id, version)
);
CREATE TABLE responses (
    seq INTEGER PRIMARY KEY,
    uuid TEXT NOT NULL UNIQUE,
    campaign_id TEXT NOT NULL,
    campaign_version INTEGER NOT NULL,
    activity_id TEXT NOT NULL,
    event_id TEXT NOT NULL,
    device_id TEXT NOT NULL,
    device_time TEXT NOT NULL,
    payload TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    received_at TEXT NOT NULL
);
CREATE INDEX responses_by_campaign ON responses(campaign_id, seq);
CREATE TRIGGER responses_are_immutable BEFORE UPDATE ON responses
BEGIN SELECT RAISE(ABORT, 'responses are immutable'); END;
)sql",
    R"sql(
CREATE TABLE events (
    event_id TEXT PRIMARY KEY,
    device_id TEXT NOT NULL,
    place TEXT NOT NULL,
    ward TEXT NOT NULL,
    started_at TEXT NOT NULL
);
CREATE TABLE organisers (
    name TEXT PRIMARY KEY,
    password_hash TEXT NOT NULL,
    changed_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
)sql",
    R"sql(
CREATE TABLE outcome_notes (
    id INTEGER PRIMARY KEY,
    campaign_id TEXT NOT NULL,
    ward TEXT NOT NULL,
    said TEXT NOT NULL,
    did TEXT NOT NULL,
    written_by TEXT NOT NULL,
    written_at TEXT NOT NULL
);
CREATE INDEX outcome_notes_by_campaign ON outcome_notes(campaign_id, id);
)sql",
    R"sql(
ALTER TABLE enrolment_codes ADD COLUMN for_device TEXT;
)sql",
    R"sql(
CREATE TABLE audit_log (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    address TEXT NOT NULL
);
CREATE TRIGGER audit_log_is_append_only BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is only added to'); END;
)sql",
    R"sql(
ALTER TABLE enrolment_codes ADD COLUMN campaigns TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN campaigns TEXT NOT NULL DEFAULT '';
)sql",
};
constexpr int kHubSchemaVersion = static_cast<int>(std::size(kHubMigrations));

}  // namespace

Error SqliteHubStore::error(int code, const std::string& doing) const {
    return store_error(code, doing, path_, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code));
}

Status SqliteHubStore::exec(const char* sql, const std::string& doing) {
    const int rc = sqlite3_exec(db_, sql, nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? ok_status() : Status(error(rc, doing));
}

SqliteHubStore::~SqliteHubStore() {
    sqlite3_close_v2(db_);
}

Result<std::unique_ptr<HubStore>> SqliteHubStore::open(const std::string& path) {
    std::unique_ptr<SqliteHubStore> store(new SqliteHubStore(path));
    const int rc = sqlite3_open_v2(path.c_str(), &store->db_,
                                   SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) return store->error(rc, "open the hub's database");
    sqlite3_extended_result_codes(store->db_, 1);
    sqlite3_busy_timeout(store->db_, 10000);
    if (auto s = store->exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", "prepare the hub's database"); !s)
        return s.error();
    if (auto s = store->exec("BEGIN IMMEDIATE", "prepare the hub's database"); !s) return s.error();
    std::int64_t version = 0;
    {
        SqliteStatement q(store->db_, "PRAGMA user_version");
        if (q.step() == SQLITE_ROW) version = q.integer(0);
    }
    if (version > kHubSchemaVersion) {
        store->exec("ROLLBACK", "");
        return Error{"The hub's database " + path + " was made by a newer Streetvoice hub; update this one."};
    }
    if (version < kHubSchemaVersion) {
        std::string schema;
        for (auto step = version; step < kHubSchemaVersion; ++step) schema += kHubMigrations[step];
        schema += "PRAGMA user_version=" + std::to_string(kHubSchemaVersion);
        if (auto s = store->exec(schema.c_str(), "set up the hub's database"); !s) {
            store->exec("ROLLBACK", "");
            return s.error();
        }
    }
    if (auto s = store->exec("COMMIT", "set up the hub's database"); !s) return s.error();
    return std::unique_ptr<HubStore>(std::move(store));
}

Status SqliteHubStore::add_enrolment_code(const std::string& code_hash, const std::string& for_device,
                                          const std::vector<std::string>& campaigns) {
    std::lock_guard lock(mutex_);
    SqliteStatement insert(
        db_, "INSERT INTO enrolment_codes(code_hash, for_device, campaigns) VALUES (?1, nullif(?2, ''), ?3)");
    insert.bind(1, code_hash);
    insert.bind(2, for_device);
    insert.bind(3, joined_campaign_ids(campaigns));
    const int rc = insert.step();
    return rc == SQLITE_DONE ? ok_status() : Status(error(rc, "store the enrolment code"));
}

Result<EnrolOutcome> SqliteHubStore::enrol_device(const std::string& code_hash, const std::string& device_id,
                                                  const std::string& token_hash,
                                                  const std::string& current_token_hash) {
    std::lock_guard lock(mutex_);
    if (auto s = exec("BEGIN IMMEDIATE", "enrol the device"); !s) return s.error();
    auto fail = [&](int rc) -> Result<EnrolOutcome> {
        exec("ROLLBACK", "");
        return error(rc, "enrol the device");
    };
    EnrolmentFacts facts;
    {
        SqliteStatement code(db_,
                             "SELECT coalesce(for_device, ''), used_at IS NULL, used_by IS ?2 AND used_at > "
                             "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-15 minutes') FROM enrolment_codes WHERE "
                             "code_hash = ?1");
        code.bind(1, code_hash);
        code.bind(2, device_id);
        const int rc = code.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(rc);
        if (rc == SQLITE_ROW) {
            facts.code_known = true;
            facts.code_for_device = code.text(0);
            facts.code_unused = code.integer(1) != 0;
            facts.code_used_lately_by_this_device = code.integer(2) != 0;
        }
        SqliteStatement device(db_, "SELECT token_hash FROM devices WHERE device_id = ?1");
        device.bind(1, device_id);
        const int found = device.step();
        if (found != SQLITE_ROW && found != SQLITE_DONE) return fail(found);
        if (found == SQLITE_ROW) facts.device_token_hash = device.text(0);
    }
    const EnrolOutcome outcome = judge_enrolment(facts, device_id, current_token_hash);
    if (outcome != EnrolOutcome::enrolled) {
        exec("ROLLBACK", "");
        return outcome;
    }
    SqliteStatement use(db_,
                        "UPDATE enrolment_codes SET used_at = coalesce(used_at, strftime('%Y-%m-%dT%H:%M:%SZ', "
                        "'now')), used_by = ?2 WHERE code_hash = ?1");
    use.bind(1, code_hash);
    use.bind(2, device_id);
    if (const int rc = use.step(); rc != SQLITE_DONE) return fail(rc);
    // Enrolling again replaces the device's token (the old one stops working) and its campaigns.
    SqliteStatement device(db_,
                           "INSERT INTO devices(device_id, token_hash, campaigns) SELECT ?1, ?2, campaigns FROM "
                           "enrolment_codes WHERE code_hash = ?3 ON CONFLICT(device_id) DO UPDATE SET token_hash = "
                           "excluded.token_hash, campaigns = excluded.campaigns, enrolled_at = "
                           "strftime('%Y-%m-%dT%H:%M:%SZ', 'now')");
    device.bind(1, device_id);
    device.bind(2, token_hash);
    device.bind(3, code_hash);
    if (const int rc = device.step(); rc != SQLITE_DONE) return fail(rc);
    if (auto s = exec("COMMIT", "enrol the device"); !s) return s.error();
    return EnrolOutcome::enrolled;
}

Result<std::optional<EnrolledDevice>> SqliteHubStore::device_for_token(const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_, "SELECT device_id, token_hash, campaigns FROM devices WHERE token_hash = ?1");
    q.bind(1, token_hash);
    const int rc = q.step();
    if (rc == SQLITE_ROW)
        return std::optional<EnrolledDevice>(EnrolledDevice{q.text(0), q.text(1), split_campaign_ids(q.text(2))});
    if (rc == SQLITE_DONE) return std::optional<EnrolledDevice>();
    return error(rc, "check the device");
}

Result<std::vector<EnrolledDevice>> SqliteHubStore::devices() {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_, "SELECT device_id, token_hash, campaigns FROM devices ORDER BY device_id");
    std::vector<EnrolledDevice> found;
    int rc = SQLITE_ROW;
    while ((rc = q.step()) == SQLITE_ROW) found.push_back({q.text(0), q.text(1), split_campaign_ids(q.text(2))});
    if (rc != SQLITE_DONE) return error(rc, "list the devices");
    return found;
}

Status SqliteHubStore::restore_device(const EnrolledDevice& device) {
    std::lock_guard lock(mutex_);
    SqliteStatement insert(db_, "INSERT OR IGNORE INTO devices(device_id, token_hash, campaigns) VALUES (?1, ?2, ?3)");
    insert.bind(1, device.device_id);
    insert.bind(2, device.token_hash);
    insert.bind(3, joined_campaign_ids(device.campaigns));
    if (const int rc = insert.step(); rc != SQLITE_DONE) return error(rc, "add the device");
    return ok_status();
}

Result<bool> SqliteHubStore::publish_campaign(const PublishedCampaign& campaign) {
    std::lock_guard lock(mutex_);
    SqliteStatement insert(db_, "INSERT OR IGNORE INTO campaigns(id, version, definition) VALUES (?1, ?2, ?3)");
    insert.bind(1, campaign.id);
    insert.bind(2, std::int64_t{campaign.version});
    insert.bind(3, campaign.definition);
    if (const int rc = insert.step(); rc != SQLITE_DONE) return error(rc, "publish the campaign");
    if (sqlite3_changes(db_) == 1) return true;
    SqliteStatement known(db_, "SELECT definition FROM campaigns WHERE id = ?1 AND version = ?2");
    known.bind(1, campaign.id);
    known.bind(2, std::int64_t{campaign.version});
    if (const int rc = known.step(); rc != SQLITE_ROW) return error(rc, "publish the campaign");
    if (known.text(0) == campaign.definition) return false;
    return Error{"Campaign \"" + campaign.id + "\" version " + std::to_string(campaign.version) +
                 " is published already with different content. Give the changed file a new version number."};
}

Result<std::vector<PublishedCampaign>> SqliteHubStore::published_campaigns() {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_, "SELECT id, version, definition FROM campaigns ORDER BY id, version");
    std::vector<PublishedCampaign> all;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) all.push_back({q.text(0), static_cast<int>(q.integer(1)), q.text(2), {}, {}});
    if (rc != SQLITE_DONE) return error(rc, "read the published campaigns");
    return all;
}

Result<std::vector<InsertOutcome>> SqliteHubStore::insert_responses(const std::vector<HubResponse>& responses) {
    std::lock_guard lock(mutex_);
    if (auto s = exec("BEGIN IMMEDIATE", "store the responses"); !s) return s.error();
    auto fail = [&](int rc) -> Result<std::vector<InsertOutcome>> {
        exec("ROLLBACK", "");
        return error(rc, "store the responses");
    };
    std::vector<InsertOutcome> outcomes;
    for (const auto& h : responses) {
        const Response& r = h.response;
        SqliteStatement insert(db_,
                               "INSERT INTO responses(uuid, campaign_id, campaign_version, activity_id, event_id, "
                               "device_id, device_time, payload, fingerprint, received_at) "
                               "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) ON CONFLICT(uuid) DO NOTHING");
        insert.bind(1, r.uuid);
        insert.bind(2, r.campaign_id);
        insert.bind(3, std::int64_t{r.campaign_version});
        insert.bind(4, r.activity_id);
        insert.bind(5, r.event_id);
        insert.bind(6, r.device_id);
        insert.bind(7, r.device_time);
        insert.bind(8, r.payload);
        insert.bind(9, h.fingerprint);
        insert.bind(10, h.received_at);
        if (const int rc = insert.step(); rc != SQLITE_DONE) return fail(rc);
        if (sqlite3_changes(db_) == 1) {
            outcomes.push_back(InsertOutcome::inserted);
            continue;
        }
        SqliteStatement known(db_, "SELECT fingerprint FROM responses WHERE uuid = ?1");
        known.bind(1, r.uuid);
        if (const int rc = known.step(); rc != SQLITE_ROW) return fail(rc);
        outcomes.push_back(known.text(0) == h.fingerprint ? InsertOutcome::same_already_stored
                                                          : InsertOutcome::different_already_stored);
    }
    if (auto s = exec("COMMIT", "store the responses"); !s) return s.error();
    return outcomes;
}

Status SqliteHubStore::visit_responses_of_campaign(const std::string& campaign_id, std::int64_t after,
                                                   const ResponseVisitor& visit) {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_,
                      "SELECT uuid, campaign_id, campaign_version, activity_id, event_id, device_id, device_time, "
                      "payload, fingerprint, received_at, seq FROM responses WHERE campaign_id = ?1 AND seq > ?2 "
                      "ORDER BY seq");
    q.bind(1, campaign_id);
    q.bind(2, after);
    HubResponse h;  // one, refilled: its strings keep their room from row to row
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        h.response = {q.text(0), q.text(1), static_cast<int>(q.integer(2)), q.text(3), q.text(4), q.text(5),
                      q.text(6), q.text(7)};
        h.fingerprint = q.text(8);
        h.received_at = q.text(9);
        visit(q.integer(10), h);
    }
    if (rc != SQLITE_DONE) return error(rc, "read the responses");
    return ok_status();
}

Result<std::int64_t> SqliteHubStore::response_count() {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_, "SELECT count(*) FROM responses");
    const int rc = q.step();
    if (rc != SQLITE_ROW) return error(rc, "count the responses");
    return q.integer(0);
}

Status SqliteHubStore::record_events(const std::vector<HubEvent>& events) {
    std::lock_guard lock(mutex_);
    if (auto s = exec("BEGIN IMMEDIATE", "store the events"); !s) return s;
    for (const auto& e : events) {
        SqliteStatement insert(db_,
                               "INSERT INTO events(event_id, device_id, place, ward, started_at) VALUES (?1, ?2, ?3, "
                               "?4, ?5) ON CONFLICT(event_id) DO NOTHING");
        insert.bind(1, e.event_id);
        insert.bind(2, e.device_id);
        insert.bind(3, e.place);
        insert.bind(4, e.ward);
        insert.bind(5, e.started_at);
        if (const int rc = insert.step(); rc != SQLITE_DONE) {
            exec("ROLLBACK", "");
            return error(rc, "store the events");
        }
    }
    return exec("COMMIT", "store the events");
}

Result<std::vector<HubEvent>> SqliteHubStore::events() {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_, "SELECT event_id, device_id, place, ward, started_at FROM events ORDER BY started_at");
    std::vector<HubEvent> found;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) found.push_back({q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    if (rc != SQLITE_DONE) return error(rc, "read the events");
    return found;
}

Status SqliteHubStore::save_organiser(const Organiser& organiser) {
    std::lock_guard lock(mutex_);
    SqliteStatement upsert(db_,
                           "INSERT INTO organisers(name, password_hash) VALUES (?1, ?2) ON CONFLICT(name) DO UPDATE "
                           "SET password_hash = excluded.password_hash, changed_at = strftime('%Y-%m-%dT%H:%M:%SZ', "
                           "'now')");
    upsert.bind(1, organiser.name);
    upsert.bind(2, organiser.password_hash);
    if (const int rc = upsert.step(); rc != SQLITE_DONE) return error(rc, "save the organiser");
    return ok_status();
}

Result<std::optional<std::string>> SqliteHubStore::organiser_password_hash(const std::string& name) {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_, "SELECT password_hash FROM organisers WHERE name = ?1");
    q.bind(1, name);
    const int rc = q.step();
    if (rc == SQLITE_ROW) return std::optional<std::string>(q.text(0));
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    return error(rc, "check the organiser");
}

Result<std::vector<Organiser>> SqliteHubStore::organisers() {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_, "SELECT name, password_hash FROM organisers ORDER BY name");
    std::vector<Organiser> found;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) found.push_back({q.text(0), q.text(1)});
    if (rc != SQLITE_DONE) return error(rc, "list the organisers");
    return found;
}

Result<bool> SqliteHubStore::remove_organiser(const std::string& name) {
    std::lock_guard lock(mutex_);
    SqliteStatement remove(db_, "DELETE FROM organisers WHERE name = ?1");
    remove.bind(1, name);
    if (const int rc = remove.step(); rc != SQLITE_DONE) return error(rc, "remove the organiser");
    return sqlite3_changes(db_) == 1;
}

Result<std::int64_t> SqliteHubStore::add_outcome_note(const HubOutcomeNote& note) {
    std::lock_guard lock(mutex_);
    SqliteStatement insert(db_,
                           "INSERT INTO outcome_notes(campaign_id, ward, said, did, written_by, written_at) "
                           "VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
    insert.bind(1, note.campaign_id);
    insert.bind(2, note.ward);
    insert.bind(3, note.said);
    insert.bind(4, note.did);
    insert.bind(5, note.written_by);
    insert.bind(6, note.written_at);
    if (const int rc = insert.step(); rc != SQLITE_DONE) return error(rc, "save the note");
    return static_cast<std::int64_t>(sqlite3_last_insert_rowid(db_));
}

Result<bool> SqliteHubStore::remove_outcome_note(const std::string& campaign_id, std::int64_t id) {
    std::lock_guard lock(mutex_);
    SqliteStatement remove(db_, "DELETE FROM outcome_notes WHERE campaign_id = ?1 AND id = ?2");
    remove.bind(1, campaign_id);
    remove.bind(2, id);
    if (const int rc = remove.step(); rc != SQLITE_DONE) return error(rc, "remove the note");
    return sqlite3_changes(db_) == 1;
}

Result<std::vector<HubOutcomeNote>> SqliteHubStore::outcome_notes(const std::string& campaign_id) {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_,
                      "SELECT id, campaign_id, ward, said, did, written_by, written_at FROM outcome_notes "
                      "WHERE ?1 = '' OR campaign_id = ?1 ORDER BY id");
    q.bind(1, campaign_id);
    std::vector<HubOutcomeNote> found;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW)
        found.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4), q.text(5), q.text(6)});
    if (rc != SQLITE_DONE) return error(rc, "read the notes");
    return found;
}

Status SqliteHubStore::add_audit_entry(const AuditEntry& entry) {
    std::lock_guard lock(mutex_);
    SqliteStatement insert(db_, "INSERT INTO audit_log(at, who, action, address) VALUES (?1, ?2, ?3, ?4)");
    insert.bind(1, entry.at);
    insert.bind(2, entry.who);
    insert.bind(3, entry.action);
    insert.bind(4, entry.address);
    if (const int rc = insert.step(); rc != SQLITE_DONE) return error(rc, "add to the audit log");
    return ok_status();
}

Result<std::vector<AuditEntry>> SqliteHubStore::audit_entries(std::size_t count) {
    std::lock_guard lock(mutex_);
    SqliteStatement q(db_, "SELECT id, at, who, action, address FROM audit_log ORDER BY id DESC LIMIT ?1");
    q.bind(1, count == 0 ? std::int64_t{-1} : static_cast<std::int64_t>(count));
    std::vector<AuditEntry> found;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) found.push_back({q.integer(0), q.text(1), q.text(2), q.text(3), q.text(4)});
    if (rc != SQLITE_DONE) return error(rc, "read the audit log");
    return found;
}

}  // namespace sv
