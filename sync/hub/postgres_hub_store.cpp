#include "postgres_hub_store.hpp"

#include <libpq-fe.h>

#include <iterator>

namespace sv {
namespace {

// Each entry moves the schema from version i to i+1. Never edit one that has shipped: add another.
const char* const kHubMigrations[] = {
    R"sql(
CREATE TABLE enrolment_codes (
    code_hash TEXT PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    used_at TIMESTAMPTZ,
    used_by TEXT
);
CREATE TABLE devices (
    device_id TEXT PRIMARY KEY,
    token_hash TEXT NOT NULL UNIQUE,
    enrolled_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
CREATE TABLE campaigns (
    id TEXT NOT NULL,
    version INTEGER NOT NULL,
    definition TEXT NOT NULL,
    published_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (id, version)
);
CREATE TABLE responses (
    seq BIGSERIAL PRIMARY KEY,
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
CREATE FUNCTION streetvoice_responses_are_immutable() RETURNS trigger LANGUAGE plpgsql AS
    $$ BEGIN RAISE EXCEPTION 'responses are immutable'; END $$;
CREATE TRIGGER responses_are_immutable BEFORE UPDATE ON responses
    FOR EACH ROW EXECUTE FUNCTION streetvoice_responses_are_immutable();
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
    changed_at TIMESTAMPTZ NOT NULL DEFAULT now()
);
)sql",
    R"sql(
CREATE TABLE outcome_notes (
    id BIGSERIAL PRIMARY KEY,
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
    id BIGSERIAL PRIMARY KEY,
    at TEXT NOT NULL,
    who TEXT NOT NULL,
    action TEXT NOT NULL,
    address TEXT NOT NULL
);
)sql",
    R"sql(
ALTER TABLE enrolment_codes ADD COLUMN campaigns TEXT NOT NULL DEFAULT '';
ALTER TABLE devices ADD COLUMN campaigns TEXT NOT NULL DEFAULT '';
)sql",
};
constexpr int kHubSchemaVersion = static_cast<int>(std::size(kHubMigrations));

std::string first_line(const char* text) {
    std::string line = text ? text : "";
    if (auto end = line.find('\n'); end != std::string::npos) line.resize(end);
    return line;
}

}  // namespace

// One statement with text parameters, its result cleared at the end of scope.
class PostgresHubStore::Query {
public:
    Query(pg_conn* db, const char* sql, std::initializer_list<std::string> params = {}) {
        std::vector<const char*> values;
        for (const auto& p : params) values.push_back(p.c_str());
        // Without parameters, the simple protocol, which also runs several statements (the schema).
        result_ = values.empty() ? PQexec(db, sql)
                                 : PQexecParams(db, sql, static_cast<int>(values.size()), nullptr, values.data(),
                                                nullptr, nullptr, 0);
    }
    ~Query() { PQclear(result_); }
    Query(const Query&) = delete;
    Query& operator=(const Query&) = delete;

    bool ok() const {
        const auto status = PQresultStatus(result_);
        return status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK;
    }
    std::string problem() const { return first_line(PQresultErrorMessage(result_)); }
    int rows() const { return PQntuples(result_); }
    std::string text(int row, int column) const {
        return std::string(PQgetvalue(result_, row, column),
                           static_cast<std::size_t>(PQgetlength(result_, row, column)));
    }
    std::int64_t integer(int row, int column) const { return std::stoll(text(row, column)); }

private:
    PGresult* result_ = nullptr;
};

Error PostgresHubStore::error(const std::string& doing, const std::string& detail) const {
    return Error{"The hub could not " + doing + ": its PostgreSQL database (" + where_ + ") said: " + detail +
                 ". Responses already stored are safe; try again once the database is back."};
}

Status PostgresHubStore::ensure_connected() {
    if (PQstatus(db_) == CONNECTION_OK) return ok_status();
    PQreset(db_);
    if (PQstatus(db_) == CONNECTION_OK) return ok_status();
    return error("reach its database", first_line(PQerrorMessage(db_)));
}

PostgresHubStore::~PostgresHubStore() {
    PQfinish(db_);
}

Result<std::unique_ptr<HubStore>> PostgresHubStore::open(const std::string& conninfo) {
    std::unique_ptr<PostgresHubStore> store(new PostgresHubStore());
    store->db_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(store->db_) != CONNECTION_OK)
        return Error{"Could not connect to the hub's PostgreSQL database: " + first_line(PQerrorMessage(store->db_)) +
                     "."};
    store->where_ = std::string(PQhost(store->db_)) + ", database " + PQdb(store->db_);
    Query quiet(store->db_, "SET client_min_messages = warning");

    // Two hub commands starting on a new database at once take turns setting it up.
    Query begin(store->db_, "BEGIN");
    Query lock(store->db_, "SELECT pg_advisory_xact_lock(7468756232)");
    Query table(store->db_, "CREATE TABLE IF NOT EXISTS streetvoice_schema (version INTEGER NOT NULL)");
    if (!lock.ok() || !table.ok())
        return store->error("set up its database", table.ok() ? lock.problem() : table.problem());
    Query version(store->db_, "SELECT version FROM streetvoice_schema");
    if (!version.ok()) return store->error("set up its database", version.problem());
    const std::int64_t found = version.rows() > 0 ? version.integer(0, 0) : 0;
    if (found > kHubSchemaVersion) {
        Query rollback(store->db_, "ROLLBACK");
        return Error{"The hub's PostgreSQL database was set up by a newer Streetvoice hub; update this one."};
    }
    for (auto step = found; step < kHubSchemaVersion; ++step) {
        Query schema(store->db_, kHubMigrations[step]);
        if (!schema.ok()) {
            Error failure = store->error("set up its database", schema.problem());
            Query rollback(store->db_, "ROLLBACK");
            return failure;
        }
    }
    if (found < kHubSchemaVersion) {
        Query clear(store->db_, "DELETE FROM streetvoice_schema");
        Query mark(store->db_, "INSERT INTO streetvoice_schema(version) VALUES ($1)",
                   {std::to_string(kHubSchemaVersion)});
        if (!clear.ok() || !mark.ok()) {
            Error failure = store->error("set up its database", clear.ok() ? mark.problem() : clear.problem());
            Query rollback(store->db_, "ROLLBACK");
            return failure;
        }
    }
    Query commit(store->db_, "COMMIT");
    if (!commit.ok()) return store->error("set up its database", commit.problem());
    return std::unique_ptr<HubStore>(std::move(store));
}

Status PostgresHubStore::add_enrolment_code(const std::string& code_hash, const std::string& for_device,
                                            const std::vector<std::string>& campaigns) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c;
    Query insert(db_, "INSERT INTO enrolment_codes(code_hash, for_device, campaigns) VALUES ($1, nullif($2, ''), $3)",
                 {code_hash, for_device, joined_campaign_ids(campaigns)});
    if (!insert.ok()) return error("store the enrolment code", insert.problem());
    return ok_status();
}

Result<EnrolOutcome> PostgresHubStore::enrol_device(const std::string& code_hash, const std::string& device_id,
                                                    const std::string& token_hash,
                                                    const std::string& current_token_hash) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query begin(db_, "BEGIN");
    auto fail = [&](const std::string& problem) -> Result<EnrolOutcome> {
        Query rollback(db_, "ROLLBACK");
        return error("enrol the device", problem);
    };
    EnrolmentFacts facts;
    // FOR UPDATE: two enrolments with one code wait for each other, as SQLite's BEGIN IMMEDIATE does.
    Query code(db_,
               "SELECT coalesce(for_device, ''), used_at IS NULL, coalesce(used_by = $2 AND used_at > now() - "
               "interval '15 minutes', false) FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE",
               {code_hash, device_id});
    if (!code.ok()) return fail(code.problem());
    if (code.rows() == 1) {
        facts.code_known = true;
        facts.code_for_device = code.text(0, 0);
        facts.code_unused = code.text(0, 1) == "t";
        facts.code_used_lately_by_this_device = code.text(0, 2) == "t";
    }
    Query device(db_, "SELECT token_hash FROM devices WHERE device_id = $1 FOR UPDATE", {device_id});
    if (!device.ok()) return fail(device.problem());
    if (device.rows() == 1) facts.device_token_hash = device.text(0, 0);
    const EnrolOutcome outcome = judge_enrolment(facts, device_id, current_token_hash);
    if (outcome != EnrolOutcome::enrolled) {
        Query rollback(db_, "ROLLBACK");
        return outcome;
    }
    Query use(db_, "UPDATE enrolment_codes SET used_at = coalesce(used_at, now()), used_by = $2 WHERE code_hash = $1",
              {code_hash, device_id});
    if (!use.ok()) return fail(use.problem());
    Query upsert(db_,
                 "INSERT INTO devices(device_id, token_hash, campaigns) SELECT $1, $2, campaigns FROM "
                 "enrolment_codes WHERE code_hash = $3 ON CONFLICT(device_id) DO UPDATE SET token_hash = "
                 "excluded.token_hash, campaigns = excluded.campaigns, enrolled_at = now()",
                 {device_id, token_hash, code_hash});
    if (!upsert.ok()) return fail(upsert.problem());
    Query commit(db_, "COMMIT");
    if (!commit.ok()) return error("enrol the device", commit.problem());
    return EnrolOutcome::enrolled;
}

Result<std::optional<EnrolledDevice>> PostgresHubStore::device_for_token(const std::string& token_hash) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_, "SELECT device_id, token_hash, campaigns FROM devices WHERE token_hash = $1", {token_hash});
    if (!q.ok()) return error("check the device", q.problem());
    if (q.rows() == 0) return std::optional<EnrolledDevice>();
    return std::optional<EnrolledDevice>(EnrolledDevice{q.text(0, 0), q.text(0, 1), split_campaign_ids(q.text(0, 2))});
}

Result<std::vector<EnrolledDevice>> PostgresHubStore::devices() {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_, "SELECT device_id, token_hash, campaigns FROM devices ORDER BY device_id", {});
    if (!q.ok()) return error("list the devices", q.problem());
    std::vector<EnrolledDevice> found;
    for (int row = 0; row < q.rows(); ++row)
        found.push_back({q.text(row, 0), q.text(row, 1), split_campaign_ids(q.text(row, 2))});
    return found;
}

Status PostgresHubStore::restore_device(const EnrolledDevice& device) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query insert(db_,
                 "INSERT INTO devices(device_id, token_hash, campaigns) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                 {device.device_id, device.token_hash, joined_campaign_ids(device.campaigns)});
    if (!insert.ok()) return error("add the device", insert.problem());
    return ok_status();
}

Result<bool> PostgresHubStore::publish_campaign(const PublishedCampaign& campaign) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    const std::string version = std::to_string(campaign.version);
    Query insert(
        db_, "INSERT INTO campaigns(id, version, definition) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING id",
        {campaign.id, version, campaign.definition});
    if (!insert.ok()) return error("publish the campaign", insert.problem());
    if (insert.rows() == 1) return true;
    Query known(db_, "SELECT definition FROM campaigns WHERE id = $1 AND version = $2", {campaign.id, version});
    if (!known.ok() || known.rows() != 1) return error("publish the campaign", known.problem());
    if (known.text(0, 0) == campaign.definition) return false;
    return Error{"Campaign \"" + campaign.id + "\" version " + version +
                 " is published already with different content. Give the changed file a new version number."};
}

Result<std::vector<PublishedCampaign>> PostgresHubStore::published_campaigns() {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_, "SELECT id, version, definition FROM campaigns ORDER BY id, version");
    if (!q.ok()) return error("read the published campaigns", q.problem());
    std::vector<PublishedCampaign> all;
    for (int row = 0; row < q.rows(); ++row)
        all.push_back({q.text(row, 0), static_cast<int>(q.integer(row, 1)), q.text(row, 2), {}, {}});
    return all;
}

Result<std::vector<InsertOutcome>> PostgresHubStore::insert_responses(const std::vector<HubResponse>& responses) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    auto fail = [&](const std::string& problem) -> Result<std::vector<InsertOutcome>> {
        Query rollback(db_, "ROLLBACK");
        return error("store the responses", problem);
    };
    Query begin(db_, "BEGIN");
    if (!begin.ok()) return error("store the responses", begin.problem());
    // One writer at a time, across hub processes too: a row number taken by a transaction that
    // commits later than a higher one would be missed by readers asking for rows after the
    // last they saw (the dashboard's tallies).
    Query one_writer(db_, "SELECT pg_advisory_xact_lock(7365726)");
    if (!one_writer.ok()) return fail(one_writer.problem());
    std::vector<InsertOutcome> outcomes;
    for (const auto& h : responses) {
        const Response& r = h.response;
        Query insert(db_,
                     "INSERT INTO responses(uuid, campaign_id, campaign_version, activity_id, event_id, device_id, "
                     "device_time, payload, fingerprint, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
                     "ON CONFLICT(uuid) DO NOTHING RETURNING seq",
                     {r.uuid, r.campaign_id, std::to_string(r.campaign_version), r.activity_id, r.event_id, r.device_id,
                      r.device_time, r.payload, h.fingerprint, h.received_at});
        if (!insert.ok()) return fail(insert.problem());
        if (insert.rows() == 1) {
            outcomes.push_back(InsertOutcome::inserted);
            continue;
        }
        Query known(db_, "SELECT fingerprint FROM responses WHERE uuid = $1", {r.uuid});
        if (!known.ok() || known.rows() != 1) return fail(known.problem());
        outcomes.push_back(known.text(0, 0) == h.fingerprint ? InsertOutcome::same_already_stored
                                                             : InsertOutcome::different_already_stored);
    }
    Query commit(db_, "COMMIT");
    if (!commit.ok()) return error("store the responses", commit.problem());
    return outcomes;
}

Status PostgresHubStore::visit_responses_of_campaign(const std::string& campaign_id, std::int64_t after,
                                                     const ResponseVisitor& visit) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c;
    // Through a cursor, a few thousand rows at a time: a campaign of any size never sits in
    // memory twice over, and the query is planned once.
    Query begin(db_, "BEGIN");
    if (!begin.ok()) return error("read the responses", begin.problem());
    auto fail = [&](const std::string& problem) {
        Query rollback(db_, "ROLLBACK");
        return error("read the responses", problem);
    };
    Query cursor(db_,
                 "DECLARE campaign_rows NO SCROLL CURSOR FOR SELECT uuid, campaign_id, campaign_version, activity_id, "
                 "event_id, device_id, device_time, payload, fingerprint, received_at, seq FROM responses "
                 "WHERE campaign_id = $1 AND seq > $2 ORDER BY seq",
                 {campaign_id, std::to_string(after)});
    if (!cursor.ok()) return fail(cursor.problem());
    HubResponse h;
    for (;;) {
        Query q(db_, "FETCH 5000 FROM campaign_rows");
        if (!q.ok()) return fail(q.problem());
        for (int row = 0; row < q.rows(); ++row) {
            h.response = {q.text(row, 0), q.text(row, 1), static_cast<int>(q.integer(row, 2)),
                          q.text(row, 3), q.text(row, 4), q.text(row, 5),
                          q.text(row, 6), q.text(row, 7)};
            h.fingerprint = q.text(row, 8);
            h.received_at = q.text(row, 9);
            visit(q.integer(row, 10), h);
        }
        if (q.rows() == 0) break;
    }
    Query commit(db_, "COMMIT");
    if (!commit.ok()) return error("read the responses", commit.problem());
    return ok_status();
}

Result<std::int64_t> PostgresHubStore::response_count() {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_, "SELECT count(*) FROM responses");
    if (!q.ok() || q.rows() != 1) return error("count the responses", q.problem());
    return q.integer(0, 0);
}

Status PostgresHubStore::record_events(const std::vector<HubEvent>& events) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c;
    Query begin(db_, "BEGIN");
    if (!begin.ok()) return error("store the events", begin.problem());
    for (const auto& e : events) {
        Query insert(db_,
                     "INSERT INTO events(event_id, device_id, place, ward, started_at) VALUES ($1, $2, $3, $4, $5) "
                     "ON CONFLICT(event_id) DO NOTHING",
                     {e.event_id, e.device_id, e.place, e.ward, e.started_at});
        if (!insert.ok()) {
            const std::string problem = insert.problem();
            Query rollback(db_, "ROLLBACK");
            return error("store the events", problem);
        }
    }
    Query commit(db_, "COMMIT");
    if (!commit.ok()) return error("store the events", commit.problem());
    return ok_status();
}

Result<std::vector<HubEvent>> PostgresHubStore::events() {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_, "SELECT event_id, device_id, place, ward, started_at FROM events ORDER BY started_at");
    if (!q.ok()) return error("read the events", q.problem());
    std::vector<HubEvent> found;
    for (int row = 0; row < q.rows(); ++row)
        found.push_back({q.text(row, 0), q.text(row, 1), q.text(row, 2), q.text(row, 3), q.text(row, 4)});
    return found;
}

Status PostgresHubStore::save_organiser(const Organiser& organiser) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c;
    Query upsert(db_,
                 "INSERT INTO organisers(name, password_hash) VALUES ($1, $2) ON CONFLICT(name) DO UPDATE SET "
                 "password_hash = excluded.password_hash, changed_at = now()",
                 {organiser.name, organiser.password_hash});
    if (!upsert.ok()) return error("save the organiser", upsert.problem());
    return ok_status();
}

Result<std::optional<std::string>> PostgresHubStore::organiser_password_hash(const std::string& name) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_, "SELECT password_hash FROM organisers WHERE name = $1", {name});
    if (!q.ok()) return error("check the organiser", q.problem());
    if (q.rows() == 0) return std::optional<std::string>();
    return std::optional<std::string>(q.text(0, 0));
}

Result<std::vector<Organiser>> PostgresHubStore::organisers() {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_, "SELECT name, password_hash FROM organisers ORDER BY name", {});
    if (!q.ok()) return error("list the organisers", q.problem());
    std::vector<Organiser> found;
    for (int row = 0; row < q.rows(); ++row) found.push_back({q.text(row, 0), q.text(row, 1)});
    return found;
}

Result<bool> PostgresHubStore::remove_organiser(const std::string& name) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query remove(db_, "DELETE FROM organisers WHERE name = $1 RETURNING name", {name});
    if (!remove.ok()) return error("remove the organiser", remove.problem());
    return remove.rows() == 1;
}

Result<std::int64_t> PostgresHubStore::add_outcome_note(const HubOutcomeNote& note) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query insert(db_,
                 "INSERT INTO outcome_notes(campaign_id, ward, said, did, written_by, written_at) "
                 "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                 {note.campaign_id, note.ward, note.said, note.did, note.written_by, note.written_at});
    if (!insert.ok() || insert.rows() != 1) return error("save the note", insert.problem());
    return insert.integer(0, 0);
}

Result<bool> PostgresHubStore::remove_outcome_note(const std::string& campaign_id, std::int64_t id) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query remove(db_, "DELETE FROM outcome_notes WHERE campaign_id = $1 AND id = $2 RETURNING id",
                 {campaign_id, std::to_string(id)});
    if (!remove.ok()) return error("remove the note", remove.problem());
    return remove.rows() == 1;
}

Result<std::vector<HubOutcomeNote>> PostgresHubStore::outcome_notes(const std::string& campaign_id) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_,
            "SELECT id, campaign_id, ward, said, did, written_by, written_at FROM outcome_notes "
            "WHERE $1 = '' OR campaign_id = $1 ORDER BY id",
            {campaign_id});
    if (!q.ok()) return error("read the notes", q.problem());
    std::vector<HubOutcomeNote> found;
    for (int row = 0; row < q.rows(); ++row)
        found.push_back({q.integer(row, 0), q.text(row, 1), q.text(row, 2), q.text(row, 3), q.text(row, 4),
                         q.text(row, 5), q.text(row, 6)});
    return found;
}

Status PostgresHubStore::add_audit_entry(const AuditEntry& entry) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c;
    Query insert(db_, "INSERT INTO audit_log(at, who, action, address) VALUES ($1, $2, $3, $4)",
                 {entry.at, entry.who, entry.action, entry.address});
    if (!insert.ok()) return error("add to the audit log", insert.problem());
    return ok_status();
}

Result<std::vector<AuditEntry>> PostgresHubStore::audit_entries(std::size_t count) {
    std::lock_guard lock(mutex_);
    if (auto c = ensure_connected(); !c) return c.error();
    Query q(db_, "SELECT id, at, who, action, address FROM audit_log ORDER BY id DESC LIMIT $1",
            {count == 0 ? std::string("9223372036854775807") : std::to_string(count)});
    if (!q.ok()) return error("read the audit log", q.problem());
    std::vector<AuditEntry> found;
    for (int row = 0; row < q.rows(); ++row)
        found.push_back({q.integer(row, 0), q.text(row, 1), q.text(row, 2), q.text(row, 3), q.text(row, 4)});
    return found;
}

}  // namespace sv
