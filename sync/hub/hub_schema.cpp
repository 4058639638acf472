#include "hub_schema.hpp"

#include <iterator>

#include "sql_transaction.hpp"

namespace sv {
namespace {

// Campaigns whose results anyone may read at /results/ID, and ward councillors: an organiser
// with a ward reads only that ward's reports ('' for an organiser). The same in both dialects.
const char* const kPublicResultsAndCouncillors = R"sql(
CREATE TABLE public_results (
    campaign_id TEXT PRIMARY KEY,
    switched_on_by TEXT NOT NULL,
    switched_on_at TEXT NOT NULL
);
ALTER TABLE organisers ADD COLUMN councillor_ward TEXT NOT NULL DEFAULT '';
)sql";

// A name staff know each tablet by ("Library tablet 2"), given with its enrolment code or later.
const char* const kDeviceNames = R"sql(
ALTER TABLE devices ADD COLUMN name TEXT NOT NULL DEFAULT '';
ALTER TABLE enrolment_codes ADD COLUMN device_name TEXT NOT NULL DEFAULT '';
)sql";

// A stolen or lost tablet taken off the hub: when ('' while it may sync).
const char* const kDevicesRevoked = R"sql(
ALTER TABLE devices ADD COLUMN revoked_at TEXT NOT NULL DEFAULT '';
)sql";

// What each tablet said, at its last sync, it keeps of each campaign, shown beside what the
// hub holds; and the index a tablet's reconciliation reads the hub's holdings of it by.
const char* const kTabletCounts = R"sql(
CREATE TABLE tablet_counts (
    device_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    answers INTEGER NOT NULL,
    waiting INTEGER NOT NULL,
    refused INTEGER NOT NULL,
    reported_at TEXT NOT NULL,
    PRIMARY KEY (device_id, campaign_id)
);
CREATE INDEX responses_by_device ON responses(device_id, uuid);
)sql";

// What every hub process serving one database must share, so that hubs behind a load balancer
// behave as one: organisers' sessions (by the hash of their token), the login throttle's
// records, and the key that signs "known browser" marks. Times: milliseconds since 1970, UTC.
const char* const kSharedLoginState = R"sql(
CREATE TABLE organiser_sessions (
    token_hash TEXT PRIMARY KEY,
    organiser TEXT NOT NULL,
    form_token TEXT NOT NULL,
    councillor_ward TEXT NOT NULL,
    password_hash TEXT NOT NULL,
    ends_at BIGINT NOT NULL,
    last_used_at BIGINT NOT NULL
);
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY,
    wrong_in_a_row INTEGER NOT NULL DEFAULT 0,
    wait_until BIGINT NOT NULL DEFAULT 0,
    checking_until BIGINT NOT NULL DEFAULT 0,
    last_seen BIGINT NOT NULL
);
CREATE TABLE hub_keys (
    name TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
)sql";

// PostgreSQL: the transaction each response was stored by, so that readers catching up need
// no lock that makes every writer wait its turn (see HubSchema::finished_before).
const char* const kPostgresResponseTransactions = R"sql(
ALTER TABLE responses ADD COLUMN xid xid8 NOT NULL DEFAULT pg_current_xact_id();
CREATE INDEX responses_by_campaign_transaction ON responses(campaign_id, xid);
)sql";
// SQLite writes one transaction at a time: its row numbers are in commit order already.
const char* const kSqliteResponseTransactions = "-- nothing to add\n";

// Each device's chain of answers as it arrived (ballot_chain.hpp): every response a kiosk sent
// with its place in the chain, counted or refused, so the chain goes on past a refused answer.
// `problem` is empty where the chain holds, else what broke it (the response was refused).
const char* const kBallotChains = R"sql(
CREATE TABLE chain_links (
    device_id TEXT NOT NULL,
    uuid TEXT NOT NULL,
    link_before TEXT NOT NULL,
    link TEXT NOT NULL,
    event_id TEXT NOT NULL,
    campaign_id TEXT NOT NULL,
    counted INTEGER NOT NULL,
    problem TEXT NOT NULL,
    received_at TEXT NOT NULL,
    PRIMARY KEY (device_id, uuid)
);
CREATE INDEX chain_links_by_link ON chain_links(device_id, link);
CREATE INDEX chain_links_by_before ON chain_links(device_id, link_before);
CREATE INDEX chain_links_by_event ON chain_links(event_id, device_id);
)sql";

// Never edit an entry that has shipped: add another.
const char* const kSqliteMigrations[] = {
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
    // A campaign's pictures, by content (base64: the same text column in both databases).
    R"sql(
CREATE TABLE pictures (
    sha256 TEXT PRIMARY KEY,
    size INTEGER NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE campaign_pictures (
    campaign_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (campaign_id, version, path)
);
)sql",
    kPublicResultsAndCouncillors,
    kDeviceNames,
    kDevicesRevoked,
    kTabletCounts,
    kSharedLoginState,
    kSqliteResponseTransactions,
    kBallotChains,
};

const char* const kPostgresMigrations[] = {
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
    // A campaign's pictures, by content (base64: the same text column in both databases).
    R"sql(
CREATE TABLE pictures (
    sha256 TEXT PRIMARY KEY,
    size BIGINT NOT NULL,
    data TEXT NOT NULL
);
CREATE TABLE campaign_pictures (
    campaign_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    path TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    PRIMARY KEY (campaign_id, version, path)
);
)sql",
    kPublicResultsAndCouncillors,
    kDeviceNames,
    kDevicesRevoked,
    kTabletCounts,
    kSharedLoginState,
    kPostgresResponseTransactions,
    kBallotChains,
};

}  // namespace

const HubSchema& sqlite_hub_schema() {
    static const HubSchema schema{
        kSqliteMigrations,
        static_cast<int>(std::size(kSqliteMigrations)),
        "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;",
        "",
        "PRAGMA user_version",
        [](int version) { return "PRAGMA user_version=" + std::to_string(version); },
        "",
        "seq > $2",
        "SELECT value FROM json_each($2)",
    };
    return schema;
}

const HubSchema& postgres_hub_schema() {
    static const HubSchema schema{
        kPostgresMigrations,
        static_cast<int>(std::size(kPostgresMigrations)),
        "",
        "CREATE TABLE IF NOT EXISTS streetvoice_schema (version INTEGER NOT NULL)",
        "SELECT version FROM streetvoice_schema",
        [](int version) {
            return "DELETE FROM streetvoice_schema; INSERT INTO streetvoice_schema(version) VALUES (" +
                   std::to_string(version) + ")";
        },
        "SELECT pg_snapshot_xmin(pg_current_snapshot())::text",
        "xid >= $2::text::xid8 AND xid < $3::text::xid8",
        "SELECT json_array_elements_text($2::json)",
    };
    return schema;
}

Status bring_up_to_date(SqlConnection& db, const HubSchema& schema, const std::string& database) {
    const std::string doing = "set up its database";
    Transaction migrating(db, doing);
    if (!migrating.began()) return migrating.began();
    if (*schema.version_table) {
        if (auto made = db.run_script(doing, schema.version_table); !made) return made;
    }
    std::int64_t version = 0;
    auto read = db.run(doing, schema.read_version, {}, [&](const SqlRow& row) { version = row.integer(0); });
    if (!read) return read.error();
    if (version > schema.count)
        return Error{"The hub's database " + database + " was made by a newer Streetvoice hub; update this one."};
    if (version == schema.count) return migrating.commit();
    for (auto step = version; step < schema.count; ++step) {
        if (auto migrated = db.run_script(doing, schema.migrations[step]); !migrated) return migrated;
    }
    if (auto marked = db.run_script(doing, schema.write_version(schema.count)); !marked) return marked;
    return migrating.commit();
}

}  // namespace sv
