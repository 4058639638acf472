// HubStore: what organisers' logins share between hub processes (sessions, the login
// throttle's records, the browser-mark key), kept in the database rather than in memory.
#include "hub_store.hpp"

namespace sv {

Status HubStore::add_session(const std::string& token_hash, const StoredSession& session) {
    auto added = writing()->run("start the session",
                                "INSERT INTO organiser_sessions(token_hash, organiser, form_token, councillor_ward, "
                                "password_hash, ends_at, last_used_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
                                {token_hash, session.organiser, session.form_token, session.councillor_ward,
                                 session.password_hash, session.ends_at, session.last_used_at});
    if (!added) return added.error();
    return ok_status();
}

Result<std::optional<StoredSession>> HubStore::session(const std::string& token_hash) {
    std::optional<StoredSession> found;
    auto read = writing()->run("check the session",
                               "SELECT organiser, form_token, councillor_ward, password_hash, ends_at, last_used_at "
                               "FROM organiser_sessions WHERE token_hash = $1",
                               {token_hash}, [&](const SqlRow& row) {
                                   found = StoredSession{row.text(0), row.text(1),    row.text(2),
                                                         row.text(3), row.integer(4), row.integer(5)};
                               });
    if (!read) return read.error();
    return found;
}

Status HubStore::session_used(const std::string& token_hash, std::int64_t at) {
    auto used =
        writing()->run("note the session's use",
                       "UPDATE organiser_sessions SET last_used_at = $2 WHERE token_hash = $1", {token_hash, at});
    if (!used) return used.error();
    return ok_status();
}

Status HubStore::end_session(const std::string& token_hash) {
    auto ended =
        writing()->run("end the session", "DELETE FROM organiser_sessions WHERE token_hash = $1", {token_hash});
    if (!ended) return ended.error();
    return ok_status();
}

Status HubStore::forget_sessions_over(std::int64_t now, std::int64_t idle_since) {
    auto forgotten =
        writing()->run("forget sessions that are over",
                       "DELETE FROM organiser_sessions WHERE ends_at <= $1 OR last_used_at < $2", {now, idle_since});
    if (!forgotten) return forgotten.error();
    return ok_status();
}

Result<bool> HubStore::claim_login_check(const std::string& key, std::int64_t now, std::int64_t until) {
    // One statement, so two hubs asking at once cannot both claim it.
    auto claimed = writing()->run(
        "hold the login check",
        "INSERT INTO login_throttle(key, checking_until, last_seen) VALUES ($1, $3, $2) ON CONFLICT (key) DO UPDATE "
        "SET checking_until = excluded.checking_until, last_seen = excluded.last_seen "
        "WHERE login_throttle.checking_until <= $2 AND login_throttle.wait_until <= $2 RETURNING key",
        {key, now, until});
    if (!claimed) return claimed.error();
    return claimed.value() == 1;
}

Result<std::optional<ThrottleRecord>> HubStore::login_record(const std::string& key) {
    std::optional<ThrottleRecord> found;
    auto read = writing()->run("read the login throttle",
                               "SELECT wrong_in_a_row, wait_until, checking_until FROM login_throttle WHERE key = $1",
                               {key}, [&](const SqlRow& row) {
                                   found = ThrottleRecord{row.integer(0), row.integer(1), row.integer(2)};
                               });
    if (!read) return read.error();
    return found;
}

Result<std::int64_t> HubStore::end_login_check(const std::string& key, bool wrong, std::int64_t now) {
    std::int64_t wrong_in_a_row = 0;
    auto ended = writing()->run("end the login check",
                                "UPDATE login_throttle SET checking_until = 0, last_seen = $3, "
                                "wrong_in_a_row = wrong_in_a_row + $2 WHERE key = $1 RETURNING wrong_in_a_row",
                                {key, std::int64_t{wrong ? 1 : 0}, now},
                                [&](const SqlRow& row) { wrong_in_a_row = row.integer(0); });
    if (!ended) return ended.error();
    return wrong_in_a_row;
}

Status HubStore::set_login_wait(const std::string& key, std::int64_t until) {
    auto set =
        writing()->run("hold the next login", "UPDATE login_throttle SET wait_until = $2 WHERE key = $1", {key, until});
    if (!set) return set.error();
    return ok_status();
}

Status HubStore::forget_login_record(const std::string& key) {
    auto forgotten = writing()->run("forget the wrong passwords", "DELETE FROM login_throttle WHERE key = $1", {key});
    if (!forgotten) return forgotten.error();
    return ok_status();
}

Result<std::int64_t> HubStore::login_record_count() {
    std::int64_t count = 0;
    auto read = writing()->run("count the login throttle's records", "SELECT count(*) FROM login_throttle", {},
                               [&](const SqlRow& row) { count = row.integer(0); });
    if (!read) return read.error();
    return count;
}

Status HubStore::forget_oldest_login_records(std::int64_t now, std::int64_t count) {
    auto forgotten = writing()->run(
        "forget old login records",
        "DELETE FROM login_throttle WHERE key IN (SELECT key FROM login_throttle WHERE checking_until <= $1 "
        "AND wait_until <= $1 ORDER BY last_seen LIMIT $2)",
        {now, count});
    if (!forgotten) return forgotten.error();
    return ok_status();
}

Result<std::string> HubStore::shared_key(const std::string& name, const std::string& made_if_none) {
    auto db = writing();
    auto kept =
        db->run("keep the hub's key", "INSERT INTO hub_keys(name, value) VALUES ($1, $2) ON CONFLICT DO NOTHING",
                {name, made_if_none});
    if (!kept) return kept.error();
    std::string value;
    auto read = db->run("read the hub's key", "SELECT value FROM hub_keys WHERE name = $1", {name},
                        [&](const SqlRow& row) { value = row.text(0); });
    if (!read) return read.error();
    if (value.empty()) return Error{"The hub could not read its key " + name + "."};
    return value;
}

}  // namespace sv
