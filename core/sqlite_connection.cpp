#include "sqlite_connection.hpp"

#include <sqlite3.h>

#include <cctype>
#include <type_traits>

#include "prepared_statements.hpp"
#include "sqlite_statement.hpp"
#include "store_error.hpp"

namespace sv {
namespace {

class SqliteRow final : public SqlRow {
public:
    explicit SqliteRow(const SqliteStatement& statement) : statement_(statement) {}
    std::string text(int column) const override { return statement_.text(column); }
    std::int64_t integer(int column) const override { return statement_.integer(column); }

private:
    const SqliteStatement& statement_;
};

}  // namespace

std::string sqlite_placeholders(const char* sql) {
    std::string out(sql);
    for (std::size_t i = 0; i + 1 < out.size(); ++i)
        if (out[i] == '$' && std::isdigit(static_cast<unsigned char>(out[i + 1]))) out[i] = '?';
    return out;
}

Result<std::unique_ptr<SqliteConnection>> SqliteConnection::open(const std::string& path, const std::string& doing,
                                                                 int busy_ms) {
    sqlite3* db = nullptr;
    const int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr);
    auto connection = std::make_unique<SqliteConnection>(db, path);
    connection->owned_ = true;
    connection->prepared_ = std::make_unique<PreparedStatements>(db);
    if (rc != SQLITE_OK) return connection->error(rc, doing);
    sqlite3_extended_result_codes(db, 1);
    sqlite3_busy_timeout(db, busy_ms);
    return connection;
}

SqliteConnection::~SqliteConnection() {
    prepared_.reset();
    if (owned_) sqlite3_close_v2(db_);
}

Error SqliteConnection::error(int code, const std::string& doing) const {
    return store_error(code, doing, path_, db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(code));
}

Result<std::int64_t> SqliteConnection::run(const std::string& doing, const char* sql,
                                           std::initializer_list<SqlValue> values, const SqlRowVisitor& row) {
    SqliteStatement statement =
        prepared_ ? prepared_->use(sqlite_placeholders(sql)) : SqliteStatement(db_, sqlite_placeholders(sql).c_str());
    if (statement.prepare_code() != SQLITE_OK) return error(statement.prepare_code(), doing);
    int index = 1;
    for (const auto& value : values) std::visit([&](const auto& v) { statement.bind(index++, v); }, value);
    const SqliteRow current(statement);
    std::int64_t rows = 0;
    int rc;
    while ((rc = statement.step()) == SQLITE_ROW) {
        ++rows;
        if (row) row(current);
    }
    if (rc != SQLITE_DONE) return error(rc, doing);
    return rows;
}

Status SqliteConnection::run_script(const std::string& doing, const std::string& sql) {
    const int rc = sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr);
    return rc == SQLITE_OK ? ok_status() : Status(error(rc, doing));
}

Status SqliteConnection::begin_writing(const std::string& doing) {
    return run_script(doing, "BEGIN IMMEDIATE");
}

Status SqliteConnection::commit(const std::string& doing) {
    return run_script(doing, "COMMIT");
}

void SqliteConnection::roll_back() {
    if (!sqlite3_get_autocommit(db_)) sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
}

}  // namespace sv
