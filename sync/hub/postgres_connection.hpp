#pragma once
// SqlConnection over one libpq connection, for hubs whose store is PostgreSQL. Rows stream in
// single-row mode; a dropped connection (a database restart, a network blip) is reopened
// once before the next statement outside a transaction.
#include <memory>
#include <string>

#include "sql_connection.hpp"

struct pg_conn;

namespace sv {

class PostgresConnection final : public SqlConnection {
public:
    // `conninfo`: a postgresql:// URI, as libpq takes it.
    static Result<std::unique_ptr<PostgresConnection>> open(const std::string& conninfo);
    ~PostgresConnection() override;
    PostgresConnection(const PostgresConnection&) = delete;
    PostgresConnection& operator=(const PostgresConnection&) = delete;

    Result<std::int64_t> run(const std::string& doing, const char* sql, std::initializer_list<SqlValue> values,
                             const SqlRowVisitor& row = {}) override;
    Status run_script(const std::string& doing, const std::string& sql) override;
    // BEGIN, then the hub's one advisory writer lock, across every hub process: for writes
    // that read before they write (an enrolment code used once, a campaign version published
    // once), which overlapping transactions would both let through.
    Status begin_writing(const std::string& doing) override;
    // BEGIN alone: responses are read back by transaction (the schema's finished_before).
    Status begin_writing_alongside(const std::string& doing) override;
    Status commit(const std::string& doing) override;
    void roll_back() override;

    // Host and database, for messages; never the password.
    const std::string& where() const { return where_; }

private:
    PostgresConnection() = default;
    Error error(const std::string& doing, const std::string& detail) const;
    Status ensure_connected();

    pg_conn* db_ = nullptr;
    std::string where_;
    bool in_transaction_ = false;
};

}  // namespace sv
