#pragma once
// A prepared SQLite statement that finalizes itself.
#include <sqlite3.h>

#include <cstdint>
#include <string>

namespace sv {

class SqliteStatement {
public:
    SqliteStatement(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
    // One kept prepared elsewhere (PreparedStatements): reset and cleared when done, not finalized.
    static SqliteStatement borrow(sqlite3_stmt* kept, int prepare_code) {
        return SqliteStatement(kept, prepare_code, true);
    }
    // One prepared elsewhere and handed over: finalized when done.
    static SqliteStatement adopt(sqlite3_stmt* prepared, int prepare_code) {
        return SqliteStatement(prepared, prepare_code, false);
    }
    ~SqliteStatement() {
        if (borrowed_) {
            sqlite3_reset(stmt_);
            sqlite3_clear_bindings(stmt_);
        } else {
            sqlite3_finalize(stmt_);
        }
    }
    SqliteStatement(SqliteStatement&& other) noexcept : stmt_(other.stmt_), rc_(other.rc_), borrowed_(other.borrowed_) {
        other.stmt_ = nullptr;
        other.borrowed_ = false;
    }
    SqliteStatement(const SqliteStatement&) = delete;
    SqliteStatement& operator=(const SqliteStatement&) = delete;
    SqliteStatement& operator=(SqliteStatement&&) = delete;

    int prepare_code() const { return rc_; }
    void bind(int index, const std::string& text) {
        sqlite3_bind_text(stmt_, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
    }
    void bind(int index, std::int64_t number) { sqlite3_bind_int64(stmt_, index, number); }
    int step() { return sqlite3_step(stmt_); }
    // Ready to step again with new bindings.
    void reset() {
        sqlite3_reset(stmt_);
        sqlite3_clear_bindings(stmt_);
    }
    std::string text(int column) const {
        const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
        return p ? std::string(p, static_cast<std::size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
    }
    std::int64_t integer(int column) const { return sqlite3_column_int64(stmt_, column); }

private:
    SqliteStatement(sqlite3_stmt* stmt, int prepare_code, bool borrowed)
        : stmt_(stmt), rc_(prepare_code), borrowed_(borrowed) {}

    sqlite3_stmt* stmt_ = nullptr;
    int rc_ = SQLITE_OK;
    bool borrowed_ = false;
};

}  // namespace sv
