#include "store.hpp"

#include <sqlite3.h>

#include "about_you.hpp"
#include "ballot_chain.hpp"
#include "canonical_json.hpp"
#include "device_clock.hpp"
#include "sql_transaction.hpp"
#include "sqlite_connection.hpp"
#include "sqlite_statement.hpp"
#include "store_error.hpp"
#include "uuid.hpp"

namespace sv {
namespace {

// Each entry moves the schema from version i to i+1. Never edit one that has shipped: add another.
const char* const kMigrations[] = {
    R"sql(
    CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    CREATE TABLE events (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        ward TEXT NOT NULL DEFAULT '',
        staff TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL);
    CREATE TABLE responses (
        seq INTEGER PRIMARY KEY,
        uuid TEXT NOT NULL UNIQUE,
        campaign_id TEXT NOT NULL,
        campaign_version INTEGER NOT NULL,
        activity_id TEXT NOT NULL,
        event_id TEXT NOT NULL REFERENCES events(id),
        device_id TEXT NOT NULL,
        device_time TEXT NOT NULL,
        payload TEXT NOT NULL CHECK (json_valid(payload)));
    -- A response is a fact: it is never changed, and only a staff-confirmed purge of
    -- acknowledged responses (a later migration) may remove one.
    CREATE TRIGGER responses_are_immutable BEFORE UPDATE ON responses
        BEGIN SELECT RAISE(ABORT, 'responses are immutable'); END;
    CREATE TRIGGER responses_are_kept BEFORE DELETE ON responses
        BEGIN SELECT RAISE(ABORT, 'responses are kept until a staff-confirmed purge'); END;
    CREATE TABLE outbox (
        response_seq INTEGER PRIMARY KEY REFERENCES responses(seq),
        state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'synced', 'rejected')),
        reason TEXT NOT NULL DEFAULT '',
        attempts INTEGER NOT NULL DEFAULT 0,
        updated_at TEXT);
    CREATE INDEX outbox_by_state ON outbox(state);
    )sql",
    // Every campaign version the kiosk has run, as its file said, so answers can always be
    // read (and exported) against the exact definition they were given under.
    R"sql(
    CREATE TABLE campaigns (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        definition TEXT NOT NULL,
        first_used TEXT NOT NULL,
        PRIMARY KEY (id, version));
    )sql",
    // One-time voter codes spent here (with their ballot) or, as the hub reports, elsewhere.
    R"sql(
    CREATE TABLE voter_codes_used (
        campaign_id TEXT NOT NULL,
        code_hash TEXT NOT NULL,
        response_uuid TEXT,
        noted_at TEXT NOT NULL,
        PRIMARY KEY (campaign_id, code_hash));
    )sql",
    // "You said, we did" as the hub last sent it, per campaign.
    R"sql(
    CREATE TABLE outcome_notes (
        campaign_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        ward TEXT NOT NULL,
        said TEXT NOT NULL,
        did TEXT NOT NULL,
        PRIMARY KEY (campaign_id, position));
    )sql",
    // Which picture file (named by its SHA-256) each picture a hub campaign version names is.
    R"sql(
    CREATE TABLE campaign_pictures (
        campaign_id TEXT NOT NULL,
        version INTEGER NOT NULL,
        path TEXT NOT NULL,
        sha256 TEXT NOT NULL,
        PRIMARY KEY (campaign_id, version, path));
    )sql",
    // Each answer's link in this device's chain (ballot_chain.hpp), beside it: answers are
    // never updated, so the links of those stored before this version are added as it is made.
    R"sql(
    CREATE TABLE response_chain (
        response_seq INTEGER PRIMARY KEY REFERENCES responses(seq),
        link TEXT NOT NULL);
    CREATE TRIGGER chain_links_are_immutable BEFORE UPDATE ON response_chain
        BEGIN SELECT RAISE(ABORT, 'chain links are immutable'); END;
    )sql",
    // The link each answer was made from, kept beside its own and sent with it: the hub can
    // then tell an answer removed before it (a link it never received) from one changed.
    R"sql(
    DROP TRIGGER chain_links_are_immutable;
    ALTER TABLE response_chain ADD COLUMN link_before TEXT NOT NULL DEFAULT '';
    UPDATE response_chain SET link_before = coalesce(
        (SELECT p.link FROM response_chain p WHERE p.response_seq < response_chain.response_seq
         ORDER BY p.response_seq DESC LIMIT 1),
        '0000000000000000000000000000000000000000000000000000000000000000');
    CREATE TRIGGER chain_links_are_immutable BEFORE UPDATE ON response_chain
        BEGIN SELECT RAISE(ABORT, 'chain links are immutable'); END;
    )sql",
};
// The version whose migration made response_chain: the answers already there are linked then.
constexpr int kChainVersion = 5;
constexpr int kMigrationCount = static_cast<int>(sizeof kMigrations / sizeof kMigrations[0]);
static_assert(kMigrationCount == kStoreSchemaVersion, "one migration per schema version");

const char* const kSelectResponse =
    "SELECT r.uuid, r.campaign_id, r.campaign_version, r.activity_id, r.event_id, r.device_id, r.device_time, "
    "r.payload, o.state, o.reason, coalesce(c.link_before, ''), coalesce(c.link, '') FROM responses r "
    "JOIN outbox o ON o.response_seq = r.seq LEFT JOIN response_chain c ON c.response_seq = r.seq ";

// Every answer, oldest first, with its link (empty when it has none) and its row number.
const char* const kSelectChain =
    "SELECT r.uuid, r.campaign_id, r.campaign_version, r.activity_id, r.event_id, r.device_id, r.device_time, "
    "r.payload, coalesce(c.link, ''), r.seq, c.link_before FROM responses r LEFT JOIN response_chain c "
    "ON c.response_seq = r.seq ORDER BY r.seq";

Response response_of_chain_row(const SqliteStatement& row) {
    return {row.text(0), row.text(1), static_cast<int>(row.integer(2)), row.text(3), row.text(4), row.text(5),
            row.text(6), row.text(7)};
}

// Links every answer, oldest first (the answers file before chains): inside the migration.
int link_every_response(sqlite3* db) {
    // As response_chain was made (link_before comes with the next migration); none is linked yet.
    SqliteStatement all(db,
                        "SELECT uuid, campaign_id, campaign_version, activity_id, event_id, device_id, device_time, "
                        "payload, '', seq FROM responses ORDER BY seq");
    SqliteStatement link(db, "INSERT INTO response_chain(response_seq, link) VALUES (?1, ?2)");
    std::string before = kChainStart;
    int rc;
    while ((rc = all.step()) == SQLITE_ROW) {
        const Response r = response_of_chain_row(all);
        if (r.activity_id == kAboutYouActivity) continue;  // kept out of the chain, unlinked
        before = chain_link(before, r);
        link.reset();
        link.bind(1, all.integer(9));
        link.bind(2, before);
        if (link.step() != SQLITE_DONE) return sqlite3_errcode(db);
    }
    return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

StoredResponse read_response(const SqliteStatement& row) {
    StoredResponse r;
    r.uuid = row.text(0);
    r.campaign_id = row.text(1);
    r.campaign_version = static_cast<int>(row.integer(2));
    r.activity_id = row.text(3);
    r.event_id = row.text(4);
    r.device_id = row.text(5);
    r.device_time = row.text(6);
    r.payload = row.text(7);
    r.outbox = value_named(kOutboxStateNames, row.text(8)).value_or(OutboxState::pending);
    r.rejection_reason = row.text(9);
    // Answers about the person are kept out of the chain, unless linked before that rule.
    if (r.activity_id != kAboutYouActivity || !row.text(11).empty()) r.chain = ChainPlace{row.text(10), row.text(11)};
    return r;
}

}  // namespace

Store::Store(Store&& other) noexcept {
    *this = std::move(other);
}

Store& Store::operator=(Store&& other) noexcept {
    if (this != &other) {
        prepared_.reset();
        sqlite3_close_v2(db_);
        db_ = other.db_;
        other.db_ = nullptr;
        prepared_ = std::move(other.prepared_);
        folder_lock_ = std::move(other.folder_lock_);
        path_ = std::move(other.path_);
        device_id_ = std::move(other.device_id_);
        event_id_ = std::move(other.event_id_);
    }
    return *this;
}

Store::~Store() {
    prepared_.reset();
    sqlite3_close_v2(db_);
}

Error Store::error(int code, const std::string& doing) const {
    return store_error(code, doing, path_, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code));
}

Result<Store> Store::open(const std::string& path) {
    Store store;
    store.path_ = path;
    const auto slash = path.rfind('/');
    auto locked = AnswersFolderLock::take(slash == std::string::npos ? "." : path.substr(0, slash + (slash == 0)),
                                          AnswersFolderLock::Kind::shared);
    if (!locked) return locked.error();
    store.folder_lock_ = std::move(locked).value();
    const int rc = sqlite3_open_v2(path.c_str(), &store.db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    if (rc != SQLITE_OK) return store.error(rc, "open the answers file");
    sqlite3_extended_result_codes(store.db_, 1);
    sqlite3_busy_timeout(store.db_, 5000);

    // Read-only checks first: nothing is written to a file we do not recognise.
    std::int64_t version = 0;
    {
        SqliteStatement q(store.db_, "PRAGMA user_version");
        if (q.prepare_code() != SQLITE_OK) return store.error(q.prepare_code(), "open the answers file");
        const int step = q.step();
        if (step != SQLITE_ROW) return store.error(step, "open the answers file");
        version = q.integer(0);
    }
    if (version > kStoreSchemaVersion)
        return Error{"Could not open the answers file " + path +
                     ": it was written by a newer version of Streetvoice. Update this kiosk; the file is untouched."};
    if (version > 0) {
        SqliteStatement check(store.db_, "PRAGMA quick_check");
        const int step = check.prepare_code() == SQLITE_OK ? check.step() : check.prepare_code();
        if (step != SQLITE_ROW) return store.error(step, "check the answers file");
        if (check.text(0) != "ok") return store.error(SQLITE_CORRUPT, "open the answers file");
    }

    // Switching a new file to WAL needs it to itself; SQLite does not wait for that, so two
    // programs opening one new file at once (a kiosk and `streetvoice`) take turns here.
    for (int attempt = 0;; ++attempt) {
        SqliteStatement wal(store.db_, "PRAGMA journal_mode=WAL");
        const int step = wal.prepare_code() == SQLITE_OK ? wal.step() : wal.prepare_code();
        if ((step & 0xff) == SQLITE_BUSY && attempt < 100) {
            sqlite3_sleep(50);
            continue;
        }
        if (step != SQLITE_ROW) return store.error(step, "prepare the answers file");
        if (wal.text(0) != "wal")
            return Error{"Could not prepare the answers file " + path +
                         ": its folder does not allow safe writing (write-ahead log refused)."};
        break;
    }
    const int settings_rc =
        sqlite3_exec(store.db_, "PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;", nullptr, nullptr, nullptr);
    if (settings_rc != SQLITE_OK) return store.error(settings_rc, "prepare the answers file");

    if (auto migrated = store.migrate(); !migrated) return migrated.error();
    if (auto loaded = store.load_identity(); !loaded) return loaded.error();
    store.prepared_ = std::make_unique<PreparedStatements>(store.db_);
    return store;
}

Status Store::migrate() {
    const std::string doing = "update the answers file";
    for (;;) {
        SqliteConnection connection(db_, path_);
        Transaction migrating(connection, doing);
        if (!migrating.began()) return migrating.began();
        std::int64_t version = 0;
        {
            SqliteStatement q(db_, "PRAGMA user_version");
            if (q.step() == SQLITE_ROW) version = q.integer(0);
        }
        if (version >= kStoreSchemaVersion) return migrating.commit();
        int rc = sqlite3_exec(db_, kMigrations[version], nullptr, nullptr, nullptr);
        if (rc == SQLITE_OK && version == 0) {
            // A new file gets its device identity and a first event in the same transaction.
            SqliteStatement device(db_, "INSERT INTO settings(key, value) VALUES ('device_id', ?1)");
            device.bind(1, new_uuid());
            rc = device.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
            if (rc == SQLITE_OK) {
                const std::string event_id = new_uuid();
                SqliteStatement event(db_, "INSERT INTO events(id, name, created_at) VALUES (?1, 'First event', ?2)");
                event.bind(1, event_id);
                event.bind(2, utc_now_iso8601());
                rc = event.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
                SqliteStatement current(db_, "INSERT INTO settings(key, value) VALUES ('current_event_id', ?1)");
                current.bind(1, event_id);
                if (rc == SQLITE_OK) rc = current.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
            }
        }
        if (rc == SQLITE_OK && version == kChainVersion) rc = link_every_response(db_);
        if (rc == SQLITE_OK) {
            const std::string bump = "PRAGMA user_version=" + std::to_string(version + 1);
            rc = sqlite3_exec(db_, bump.c_str(), nullptr, nullptr, nullptr);
        }
        if (rc != SQLITE_OK) return error(rc, doing);
        if (auto committed = migrating.commit(); !committed) return committed;
    }
}

Status Store::load_identity() {
    SqliteStatement q(db_, "SELECT key, value FROM settings WHERE key IN ('device_id', 'current_event_id')");
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        (q.text(0) == "device_id" ? device_id_ : event_id_) = q.text(1);
    }
    if (rc != SQLITE_DONE) return error(rc, "read the answers file");
    if (device_id_.empty() || event_id_.empty())
        return error(SQLITE_CORRUPT, "read the device identity from the answers file");
    return ok_status();
}

Result<StoredResponse> Store::record_response(const ResponseDraft& draft) {
    const std::string doing = "save this answer";
    SqliteConnection connection(db_, path_);
    Transaction saving(connection, doing);
    if (!saving.began()) return saving.began().error();
    int rc = SQLITE_OK;
    auto fail = [&](int code) { return error(code, doing); };  // the transaction rolls itself back

    {
        SqliteStatement existing = prepared_->use(std::string(kSelectResponse) + "WHERE r.uuid = ?1");
        if (existing.prepare_code() != SQLITE_OK) return fail(existing.prepare_code());
        existing.bind(1, draft.uuid);
        rc = existing.step();
        if (rc == SQLITE_ROW) {
            StoredResponse stored = read_response(existing);
            const bool same = stored.campaign_id == draft.campaign_id &&
                              stored.campaign_version == draft.campaign_version &&
                              stored.activity_id == draft.activity_id && stored.payload == draft.payload;
            if (same) return stored;
            return Error{"Could not save this answer: a different answer with the same id (" + draft.uuid +
                         ") is already saved. Both are kept unchanged; please tell support."};
        }
        if (rc != SQLITE_DONE) return fail(rc);
    }

    // "About you" answers carry only the day, so their time cannot pair them with a ballot.
    const std::string now = utc_now_iso8601();
    const std::string device_time = draft.activity_id == kAboutYouActivity ? now.substr(0, 10) : now;
    StoredResponse stored{{draft.uuid, draft.campaign_id, draft.campaign_version, draft.activity_id, event_id_,
                           device_id_, device_time, draft.payload},
                          OutboxState::pending,
                          {}};
    {
        SqliteStatement insert = prepared_->use(
            "INSERT INTO responses(uuid, campaign_id, campaign_version, activity_id, event_id, "
            "device_id, device_time, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
        if (insert.prepare_code() != SQLITE_OK) return fail(insert.prepare_code());
        insert.bind(1, stored.uuid);
        insert.bind(2, stored.campaign_id);
        insert.bind(3, std::int64_t{stored.campaign_version});
        insert.bind(4, stored.activity_id);
        insert.bind(5, stored.event_id);
        insert.bind(6, stored.device_id);
        insert.bind(7, stored.device_time);
        insert.bind(8, stored.payload);
        rc = insert.step();
        if (rc != SQLITE_DONE) return fail(rc);
    }
    // Linked to the answer before it on this device, in the same transaction. Answers about the
    // person stay out of the chain: a link to the ballot just before would pair them.
    if (draft.activity_id != kAboutYouActivity) {
        SqliteStatement last = prepared_->use("SELECT link FROM response_chain ORDER BY response_seq DESC LIMIT 1");
        if (last.prepare_code() != SQLITE_OK) return fail(last.prepare_code());
        rc = last.step();
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) return fail(rc);
        const std::string before = rc == SQLITE_ROW ? last.text(0) : std::string(kChainStart);
        SqliteStatement link = prepared_->use(
            "INSERT INTO response_chain(response_seq, link_before, link) VALUES (last_insert_rowid(), "
            "?1, ?2)");
        if (link.prepare_code() != SQLITE_OK) return fail(link.prepare_code());
        link.bind(1, before);
        link.bind(2, chain_link(before, stored));
        rc = link.step();
        if (rc != SQLITE_DONE) return fail(rc);
    }
    {
        // The link's row is the answer's (response_seq is its rowid).
        SqliteStatement outbox = prepared_->use("INSERT INTO outbox(response_seq) VALUES (last_insert_rowid())");
        rc = outbox.prepare_code() == SQLITE_OK ? outbox.step() : outbox.prepare_code();
        if (rc != SQLITE_DONE) return fail(rc);
    }
    if (!draft.voter_code_hash.empty()) {
        SqliteStatement spend = prepared_->use(
            "INSERT INTO voter_codes_used(campaign_id, code_hash, response_uuid, noted_at) VALUES (?1, ?2, ?3, ?4)");
        if (spend.prepare_code() != SQLITE_OK) return fail(spend.prepare_code());
        spend.bind(1, draft.campaign_id);
        spend.bind(2, draft.voter_code_hash);
        spend.bind(3, draft.uuid);
        spend.bind(4, stored.device_time);
        rc = spend.step();
        if ((rc & 0xff) == SQLITE_CONSTRAINT) {
            return Error{
                "This voter code has already been used to vote, so this ballot was not saved. Each code "
                "can vote once."};
        }
        if (rc != SQLITE_DONE) return fail(rc);
    }
    if (auto committed = saving.commit(); !committed) return committed.error();
    return stored;
}

Status Store::remember_campaign(const std::string& id, int version, const std::string& definition) {
    const std::string doing = "remember the campaign";
    // Two kiosk processes may start on one data folder at once: insert if new, then compare
    // with whatever is stored, so the second one neither fails nor overwrites.
    {
        SqliteStatement insert(db_,
                               "INSERT OR IGNORE INTO campaigns(id, version, definition, first_used) "
                               "VALUES (?1, ?2, ?3, ?4)");
        insert.bind(1, id);
        insert.bind(2, std::int64_t{version});
        insert.bind(3, definition);
        insert.bind(4, utc_now_iso8601());
        const int rc = insert.step();
        if (rc != SQLITE_DONE) return error(rc, doing);
    }
    SqliteStatement known(db_, "SELECT definition FROM campaigns WHERE id = ?1 AND version = ?2");
    known.bind(1, id);
    known.bind(2, std::int64_t{version});
    const int rc = known.step();
    if (rc != SQLITE_ROW) return error(rc == SQLITE_DONE ? SQLITE_INTERNAL : rc, doing);
    // The hub keeps a campaign compact with its keys sorted; the file it came from may be
    // spaced out: the same campaign either way.
    if (canonical_json(known.text(0)) == canonical_json(definition)) return ok_status();
    return Error{"The campaign file \"" + id + "\" version " + std::to_string(version) +
                 " is not the one this kiosk already collected answers with. Give the changed file a new "
                 "version number; the answers already saved are untouched."};
}

Result<std::optional<std::string>> Store::campaign_definition(const std::string& id, int version) const {
    SqliteStatement q(db_, version > 0
                               ? "SELECT definition FROM campaigns WHERE id = ?1 AND version = ?2"
                               : "SELECT definition FROM campaigns WHERE id = ?1 ORDER BY version DESC LIMIT 1");
    q.bind(1, id);
    if (version > 0) q.bind(2, std::int64_t{version});
    const int rc = q.step();
    if (rc == SQLITE_ROW) return std::optional<std::string>(q.text(0));
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    return error(rc, "read the campaign");
}

Status Store::remember_picture_files(const std::string& id, int version,
                                     const std::map<std::string, std::string>& sha256_by_path) {
    const std::string doing = "keep the names of the campaign's pictures";
    SqliteConnection connection(db_, path_);
    Transaction writing(connection, doing);
    if (!writing.began()) return writing.began().error();
    {
        SqliteStatement insert(db_,
                               "INSERT OR IGNORE INTO campaign_pictures(campaign_id, version, path, sha256) "
                               "VALUES (?1, ?2, ?3, ?4)");
        if (insert.prepare_code() != SQLITE_OK) return error(insert.prepare_code(), doing);
        for (const auto& [path, sha256] : sha256_by_path) {
            insert.reset();
            insert.bind(1, id);
            insert.bind(2, std::int64_t{version});
            insert.bind(3, path);
            insert.bind(4, sha256);
            if (const int rc = insert.step(); rc != SQLITE_DONE) return error(rc, doing);
        }
    }
    return writing.commit();
}

Result<std::map<std::string, std::string>> Store::picture_files(const std::string& id, int version) const {
    SqliteStatement q(db_, "SELECT path, sha256 FROM campaign_pictures WHERE campaign_id = ?1 AND version = ?2");
    q.bind(1, id);
    q.bind(2, std::int64_t{version});
    std::map<std::string, std::string> files;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) files.emplace(q.text(0), q.text(1));
    if (rc != SQLITE_DONE) return error(rc, "read the names of the campaign's pictures");
    return files;
}

Result<std::vector<Store::KeptCampaign>> Store::campaigns_newest_first() const {
    SqliteStatement q(db_, "SELECT id, MAX(version) FROM campaigns GROUP BY id ORDER BY MAX(rowid) DESC");
    std::vector<KeptCampaign> kept;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) kept.push_back({q.text(0), static_cast<int>(q.integer(1))});
    if (rc != SQLITE_DONE) return error(rc, "read the campaigns kept");
    return kept;
}

Result<std::vector<StoredResponse>> Store::responses() const {
    SqliteStatement q(db_, (std::string(kSelectResponse) + "ORDER BY r.seq").c_str());
    std::vector<StoredResponse> all;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) all.push_back(read_response(q));
    if (rc != SQLITE_DONE) return error(rc, "read the saved answers");
    return all;
}

Result<std::vector<StoredResponse>> Store::responses_of_event(const std::string& event_id) const {
    SqliteStatement q(db_, (std::string(kSelectResponse) + "WHERE r.event_id = ?1 ORDER BY r.seq").c_str());
    q.bind(1, event_id);
    std::vector<StoredResponse> found;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) found.push_back(read_response(q));
    if (rc != SQLITE_DONE) return error(rc, "read the saved answers");
    return found;
}

Result<std::optional<StoredResponse>> Store::find_response(const std::string& uuid) const {
    SqliteStatement q(db_, (std::string(kSelectResponse) + "WHERE r.uuid = ?1").c_str());
    q.bind(1, uuid);
    const int rc = q.step();
    if (rc == SQLITE_ROW) return std::optional<StoredResponse>(read_response(q));
    if (rc == SQLITE_DONE) return std::optional<StoredResponse>();
    return error(rc, "read the saved answers");
}

Result<OutboxCounts> Store::outbox_counts() const {
    SqliteStatement q(db_, "SELECT state, count(*) FROM outbox GROUP BY state");
    OutboxCounts counts;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) {
        switch (value_named(kOutboxStateNames, q.text(0)).value_or(OutboxState::pending)) {
            case OutboxState::pending: counts.pending = q.integer(1); break;
            case OutboxState::synced: counts.synced = q.integer(1); break;
            case OutboxState::rejected: counts.rejected = q.integer(1); break;
        }
    }
    if (rc != SQLITE_DONE) return error(rc, "count the saved answers");
    return counts;
}

// In the order of outbox_by_state (state, then its rowid, response_seq): ordered by r.seq, the
// same order, SQLite sorted every pending answer, payload and all, for each batch of 250.
Result<std::vector<StoredResponse>> Store::pending_responses(std::size_t limit) const {
    SqliteStatement q(
        db_, (std::string(kSelectResponse) + "WHERE o.state = 'pending' ORDER BY o.response_seq LIMIT ?1").c_str());
    q.bind(1, static_cast<std::int64_t>(limit));
    std::vector<StoredResponse> pending;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) pending.push_back(read_response(q));
    if (rc != SQLITE_DONE) return error(rc, "read the answers waiting to be sent");
    return pending;
}

Status Store::record_sync_outcome(const std::vector<OutboxUpdate>& updates) {
    const std::string doing = "note which answers the hub has";
    SqliteConnection connection(db_, path_);
    Transaction writing(connection, doing);
    if (!writing.began()) return writing.began().error();
    int rc = SQLITE_OK;
    const std::string now = utc_now_iso8601();
    {
        SqliteStatement update(
            db_,
            "UPDATE outbox SET state = ?1, reason = ?2, attempts = attempts + 1, updated_at = ?3 "
            "WHERE state = 'pending' AND response_seq = (SELECT seq FROM responses WHERE uuid = ?4)");
        rc = update.prepare_code();
        for (const auto& u : updates) {
            if (rc != SQLITE_OK) break;
            update.reset();
            update.bind(1, std::string(outbox_state_name(u.state)));
            update.bind(2, u.reason);
            update.bind(3, now);
            update.bind(4, u.uuid);
            rc = update.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
        }
    }
    if (rc != SQLITE_OK) return error(rc, doing);
    if (auto committed = writing.commit(); !committed) return committed.error();
    return ok_status();
}

Result<std::int64_t> Store::requeue_rejected() {
    SqliteStatement update(
        db_, "UPDATE outbox SET state = 'pending', reason = '', updated_at = ?1 WHERE state = 'rejected'");
    update.bind(1, utc_now_iso8601());
    const int rc = update.step();
    if (rc != SQLITE_DONE) return error(rc, "send refused answers again");
    return static_cast<std::int64_t>(sqlite3_changes(db_));
}

Status Store::copy_to(const std::string& path) const {
    SqliteStatement copy(db_, "VACUUM INTO ?1");
    copy.bind(1, path);
    if (const int rc = copy.step(); rc != SQLITE_DONE) return error(rc, "copy the answers file to " + path);
    return ok_status();
}

Result<ChainHead> Store::chain_head() const {
    SqliteStatement q(db_,
                      "SELECT count(*), (SELECT link FROM response_chain ORDER BY response_seq DESC LIMIT 1) "
                      "FROM response_chain");
    const int rc = q.step();
    if (rc != SQLITE_ROW) return error(rc, "read the chain of answers");
    return ChainHead{q.integer(0), q.integer(0) > 0 ? q.text(1) : std::string(kChainStart)};
}

Result<std::vector<ChainBreak>> Store::check_chain() const {
    std::vector<ChainBreak> breaks;
    std::string before = kChainStart;
    std::int64_t linked = 0;
    SqliteStatement all(db_, kSelectChain);
    int rc;
    while ((rc = all.step()) == SQLITE_ROW) {
        const Response r = response_of_chain_row(all);
        const std::string stored_link = all.text(8);
        if (stored_link.empty() && r.activity_id == kAboutYouActivity) continue;  // kept out of the chain
        if (stored_link.empty()) {
            breaks.push_back({all.integer(9), r.uuid, "has no link in the chain: it was put in the file afterwards"});
            continue;
        }
        ++linked;
        const std::string made_from = all.text(10);
        if (stored_link != chain_link(made_from, r))
            breaks.push_back({all.integer(9), r.uuid, "does not match its link: it was changed after it was stored"});
        else if (made_from != before)
            breaks.push_back({all.integer(9), r.uuid,
                              "does not follow the answer before it: an answer just before it was removed or put "
                              "in after it was stored"});
        before = stored_link;  // one break does not hide the next
    }
    if (rc != SQLITE_DONE) return error(rc, "read the chain of answers");
    SqliteStatement links(db_, "SELECT count(*) FROM response_chain");
    if ((rc = links.step()) != SQLITE_ROW) return error(rc, "read the chain of answers");
    if (links.integer(0) > linked)
        breaks.push_back({0, "",
                          std::to_string(links.integer(0) - linked) +
                              " link(s) in the chain have no answer: answers were removed from the file"});
    return breaks;
}

Result<std::vector<std::string>> Store::sent_uuids() const {
    SqliteStatement q(
        db_, "SELECT r.uuid FROM responses r JOIN outbox o ON o.response_seq = r.seq WHERE o.state = 'synced'");
    std::vector<std::string> uuids;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) uuids.push_back(q.text(0));
    if (rc != SQLITE_DONE) return error(rc, "read which answers were sent");
    return uuids;
}

Result<std::int64_t> Store::send_again(const std::vector<std::string>& uuids) {
    const std::string doing = "put answers back in the queue";
    SqliteConnection connection(db_, path_);
    Transaction writing(connection, doing);
    if (!writing.began()) return writing.began().error();
    std::int64_t requeued = 0;
    {
        SqliteStatement update(db_,
                               "UPDATE outbox SET state = 'pending', reason = '', updated_at = ?1 WHERE state = "
                               "'synced' AND response_seq = (SELECT seq FROM responses WHERE uuid = ?2)");
        const std::string now = utc_now_iso8601();
        for (const auto& uuid : uuids) {
            update.reset();
            update.bind(1, now);
            update.bind(2, uuid);
            if (const int rc = update.step(); rc != SQLITE_DONE) return error(rc, doing);
            requeued += sqlite3_changes(db_);
        }
    }
    if (auto committed = writing.commit(); !committed) return committed.error();
    return requeued;
}

Result<std::int64_t> Store::send_all_again() {
    SqliteStatement update(db_,
                           "UPDATE outbox SET state = 'pending', reason = '', updated_at = ?1 WHERE state = 'synced'");
    update.bind(1, utc_now_iso8601());
    const int rc = update.step();
    if (rc != SQLITE_DONE) return error(rc, "put every sent answer back in the queue");
    return static_cast<std::int64_t>(sqlite3_changes(db_));
}

Result<std::vector<CampaignAnswerCounts>> Store::answer_counts() const {
    SqliteStatement q(db_,
                      "SELECT r.campaign_id, count(*), sum(o.state = 'pending'), sum(o.state = 'rejected') FROM "
                      "responses r JOIN outbox o ON o.response_seq = r.seq WHERE r.activity_id <> ?1 GROUP BY "
                      "r.campaign_id ORDER BY r.campaign_id");
    q.bind(1, std::string(kAboutYouActivity));
    std::vector<CampaignAnswerCounts> counts;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) counts.push_back({q.text(0), q.integer(1), q.integer(2), q.integer(3)});
    if (rc != SQLITE_DONE) return error(rc, "count the answers of each campaign");
    return counts;
}

Result<StallEvent> Store::start_event(const std::string& place, const std::string& ward, const std::string& staff) {
    const std::string doing = "start the new event";
    StallEvent event{new_uuid(), place, ward, staff, utc_now_iso8601()};
    SqliteConnection connection(db_, path_);
    Transaction writing(connection, doing);
    if (!writing.began()) return writing.began().error();
    int rc = SQLITE_OK;
    {
        SqliteStatement insert(db_,
                               "INSERT INTO events(id, name, ward, staff, created_at) VALUES (?1, ?2, ?3, ?4, ?5)");
        insert.bind(1, event.id);
        insert.bind(2, event.place);
        insert.bind(3, event.ward);
        insert.bind(4, event.staff);
        insert.bind(5, event.started_at);
        rc = insert.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
    }
    if (rc == SQLITE_OK) {
        SqliteStatement current(db_, "UPDATE settings SET value = ?1 WHERE key = 'current_event_id'");
        current.bind(1, event.id);
        rc = current.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
    }
    if (rc != SQLITE_OK) return error(rc, doing);
    if (auto committed = writing.commit(); !committed) return committed.error();
    event_id_ = event.id;
    return event;
}

Result<StallEvent> Store::current_event() const {
    auto found = event(event_id_);
    if (!found) return found.error();
    if (!found.value()) return error(SQLITE_CORRUPT, "read the current event");
    return *found.value();
}

Result<std::optional<StallEvent>> Store::event(const std::string& id) const {
    SqliteStatement q(db_, "SELECT id, name, ward, staff, created_at FROM events WHERE id = ?1");
    q.bind(1, id);
    const int rc = q.step();
    if (rc == SQLITE_DONE) return std::optional<StallEvent>();
    if (rc != SQLITE_ROW) return error(rc, "read an event");
    return std::optional<StallEvent>(StallEvent{q.text(0), q.text(1), q.text(2), q.text(3), q.text(4)});
}

Result<StallCounts> Store::stall_counts(const std::string& day_start) const {
    SqliteStatement q(db_,
                      "SELECT coalesce(sum(r.event_id = ?1), 0), coalesce(sum(r.device_time >= ?2), 0), "
                      "coalesce(sum(o.state = 'pending'), 0), coalesce(sum(o.state = 'rejected'), 0) "
                      "FROM responses r JOIN outbox o ON o.response_seq = r.seq");
    q.bind(1, event_id_);
    q.bind(2, day_start);
    const int rc = q.step();
    if (rc != SQLITE_ROW) return error(rc, "count the saved answers");
    return StallCounts{q.integer(0), q.integer(1), q.integer(2), q.integer(3)};
}

Result<bool> Store::voter_code_used(const std::string& campaign_id, const std::string& code_hash) const {
    SqliteStatement q(db_, "SELECT 1 FROM voter_codes_used WHERE campaign_id = ?1 AND code_hash = ?2");
    q.bind(1, campaign_id);
    q.bind(2, code_hash);
    const int rc = q.step();
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return error(rc, "check the voter code");
}

Status Store::note_voter_codes_used_elsewhere(const std::string& campaign_id, const std::vector<std::string>& hashes) {
    const std::string doing = "note the voter codes used on other kiosks";
    SqliteConnection connection(db_, path_);
    Transaction writing(connection, doing);
    if (!writing.began()) return writing.began().error();
    int rc = SQLITE_OK;
    {
        SqliteStatement insert(db_,
                               "INSERT OR IGNORE INTO voter_codes_used(campaign_id, code_hash, noted_at) "
                               "VALUES (?1, ?2, ?3)");
        const std::string now = utc_now_iso8601();
        rc = insert.prepare_code();
        for (const auto& hash : hashes) {
            if (rc != SQLITE_OK) break;
            insert.reset();
            insert.bind(1, campaign_id);
            insert.bind(2, hash);
            insert.bind(3, now);
            rc = insert.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
        }
    }
    if (rc != SQLITE_OK) return error(rc, doing);
    if (auto committed = writing.commit(); !committed) return committed.error();
    return ok_status();
}

Status Store::replace_outcome_notes(const std::string& campaign_id, const std::vector<WardOutcomeNote>& notes) {
    const std::string doing = "keep the hub's \"you said, we did\" notes";
    SqliteConnection connection(db_, path_);
    Transaction writing(connection, doing);
    if (!writing.began()) return writing.began().error();
    int rc = SQLITE_OK;
    {
        SqliteStatement remove(db_, "DELETE FROM outcome_notes WHERE campaign_id = ?1");
        remove.bind(1, campaign_id);
        rc = remove.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
        SqliteStatement insert(db_,
                               "INSERT INTO outcome_notes(campaign_id, position, ward, said, did) "
                               "VALUES (?1, ?2, ?3, ?4, ?5)");
        if (rc == SQLITE_OK) rc = insert.prepare_code();
        for (std::size_t i = 0; i < notes.size() && rc == SQLITE_OK; ++i) {
            insert.reset();
            insert.bind(1, campaign_id);
            insert.bind(2, static_cast<std::int64_t>(i));
            insert.bind(3, notes[i].ward);
            insert.bind(4, notes[i].said);
            insert.bind(5, notes[i].did);
            rc = insert.step() == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db_);
        }
    }
    if (rc != SQLITE_OK) return error(rc, doing);
    if (auto committed = writing.commit(); !committed) return committed.error();
    return ok_status();
}

Result<std::vector<WardOutcomeNote>> Store::outcome_notes(const std::string& campaign_id) const {
    SqliteStatement q(db_, "SELECT ward, said, did FROM outcome_notes WHERE campaign_id = ?1 ORDER BY position");
    q.bind(1, campaign_id);
    std::vector<WardOutcomeNote> notes;
    int rc;
    while ((rc = q.step()) == SQLITE_ROW) notes.push_back({q.text(0), q.text(1), q.text(2)});
    if (rc != SQLITE_DONE) return error(rc, "read the hub's \"you said, we did\" notes");
    return notes;
}

Result<std::optional<std::string>> Store::setting(const std::string& key) const {
    SqliteStatement q(db_, "SELECT value FROM settings WHERE key = ?1");
    q.bind(1, key);
    const int rc = q.step();
    if (rc == SQLITE_ROW) return std::optional<std::string>(q.text(0));
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    return error(rc, "read the kiosk's settings");
}

Status Store::save_setting(const std::string& key, const std::string& value) {
    SqliteStatement upsert(db_,
                           "INSERT INTO settings(key, value) VALUES (?1, ?2) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value");
    upsert.bind(1, key);
    upsert.bind(2, value);
    const int rc = upsert.step();
    if (rc != SQLITE_DONE) return error(rc, "save the kiosk's settings");
    return ok_status();
}

Status Store::check_integrity() const {
    SqliteStatement q(db_, "PRAGMA integrity_check");
    const int rc = q.step();
    if (rc != SQLITE_ROW) return error(rc, "check the answers file");
    if (q.text(0) != "ok") return error(SQLITE_CORRUPT, "check the answers file");
    return ok_status();
}

void Store::limit_pages_for_test(std::int64_t max_pages) {
    const std::string pragma = "PRAGMA max_page_count=" + std::to_string(max_pages);
    sqlite3_exec(db_, pragma.c_str(), nullptr, nullptr, nullptr);
}

std::vector<Response> responses_only(const std::vector<StoredResponse>& stored) {
    return {stored.begin(), stored.end()};
}

}  // namespace sv
