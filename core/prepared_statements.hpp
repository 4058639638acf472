#pragma once
// Statements a connection runs again and again (saving each answer), prepared once and kept:
// SQLite then skips parsing and planning them on every run. Each is handed out as a borrowed
// SqliteStatement, reset when the borrower is done; one connection, one thread.
#include <sqlite3.h>

#include <map>
#include <string>

#include "sqlite_statement.hpp"

namespace sv {

class PreparedStatements {
public:
    explicit PreparedStatements(sqlite3* db) : db_(db) {}
    ~PreparedStatements();
    PreparedStatements(const PreparedStatements&) = delete;
    PreparedStatements& operator=(const PreparedStatements&) = delete;

    // The statement for `sql`, prepared on first use. A statement that failed to prepare is not
    // kept (its prepare_code says why), so a later use tries again; past kMostKept, statements
    // are prepared afresh each time, so SQL built with values in it cannot grow the cache.
    SqliteStatement use(const std::string& sql);
    static constexpr std::size_t kMostKept = 200;

private:
    sqlite3* db_;
    std::map<std::string, sqlite3_stmt*> kept_;
};

}  // namespace sv
