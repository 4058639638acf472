#pragma once
// SqlConnection over one SQLite connection. Errors read as store_error's sentences.
#include <memory>
#include <string>

#include "prepared_statements.hpp"
#include "sql_connection.hpp"

namespace sv {

class SqliteConnection final : public SqlConnection {
public:
    // Opens `path`, creating it if need be; waits up to `busy_ms` for another writer. `doing`
    // begins the error's sentence ("open the hub's database").
    static Result<std::unique_ptr<SqliteConnection>> open(const std::string& path, const std::string& doing,
                                                          int busy_ms);
    // Uses a connection someone else opened and will close.
    SqliteConnection(sqlite3* borrowed, std::string path) : db_(borrowed), path_(std::move(path)) {}
    ~SqliteConnection() override;
    SqliteConnection(const SqliteConnection&) = delete;
    SqliteConnection& operator=(const SqliteConnection&) = delete;

    Result<std::int64_t> run(const std::string& doing, const char* sql, std::initializer_list<SqlValue> values,
                             const SqlRowVisitor& row = {}) override;
    Status run_script(const std::string& doing, const std::string& sql) override;
    // BEGIN IMMEDIATE: SQLite has one writer per file already; this takes the turn up front.
    Status begin_writing(const std::string& doing) override;
    Status commit(const std::string& doing) override;
    void roll_back() override;

    sqlite3* handle() const { return db_; }
    Error error(int code, const std::string& doing) const;

private:
    sqlite3* db_ = nullptr;
    std::string path_;
    bool owned_ = false;
    // An opened connection keeps what it runs prepared (a hub runs the same few statements for
    // every response); a borrowed one lives for one transaction and prepares afresh.
    std::unique_ptr<PreparedStatements> prepared_;
};

// SQL written with PostgreSQL's $1, $2 … as SQLite reads it: ?1, ?2 …
std::string sqlite_placeholders(const char* sql);

}  // namespace sv
