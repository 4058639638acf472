#include "postgres_connection.hpp"

#include <libpq-fe.h>

#include <cstring>
#include <vector>

namespace sv {
namespace {

constexpr const char* kOneWriterLock = "SELECT pg_advisory_xact_lock(7365726)";

std::string first_line(const char* text) {
    std::string line = text ? text : "";
    if (auto end = line.find('\n'); end != std::string::npos) line.resize(end);
    return line;
}

class PostgresRow final : public SqlRow {
public:
    explicit PostgresRow(const PGresult* result) : result_(result) {}
    std::string text(int column) const override {
        return std::string(PQgetvalue(result_, 0, column), static_cast<std::size_t>(PQgetlength(result_, 0, column)));
    }
    std::int64_t integer(int column) const override { return std::stoll(text(column)); }

private:
    const PGresult* result_;
};

struct ClearedResult {
    PGresult* result;
    ~ClearedResult() { PQclear(result); }
};

}  // namespace

Error PostgresConnection::error(const std::string& doing, const std::string& detail) const {
    return Error{"The hub could not " + doing + ": its PostgreSQL database (" + where_ + ") said: " + detail +
                 ". Responses already stored are safe; try again once the database is back."};
}

Status PostgresConnection::ensure_connected() {
    if (PQstatus(db_) == CONNECTION_OK) return ok_status();
    if (in_transaction_) return error("go on", "the connection was lost in the middle of a transaction");
    PQreset(db_);
    if (PQstatus(db_) == CONNECTION_OK) return ok_status();
    return error("reach its database", first_line(PQerrorMessage(db_)));
}

PostgresConnection::~PostgresConnection() {
    PQfinish(db_);
}

Result<std::unique_ptr<PostgresConnection>> PostgresConnection::open(const std::string& conninfo) {
    std::unique_ptr<PostgresConnection> connection(new PostgresConnection());
    connection->db_ = PQconnectdb(conninfo.c_str());
    if (PQstatus(connection->db_) != CONNECTION_OK)
        return Error{
            "Could not connect to the hub's PostgreSQL database: " + first_line(PQerrorMessage(connection->db_)) + "."};
    connection->where_ = std::string(PQhost(connection->db_)) + ", database " + PQdb(connection->db_);
    if (auto quiet = connection->run_script("prepare its database", "SET client_min_messages = warning"); !quiet)
        return quiet.error();
    return connection;
}

Result<std::int64_t> PostgresConnection::run(const std::string& doing, const char* sql,
                                             std::initializer_list<SqlValue> values, const SqlRowVisitor& row) {
    if (auto c = ensure_connected(); !c) return c.error();
    std::vector<std::string> texts;
    texts.reserve(values.size());
    for (const auto& value : values) {
        if (const auto* number = std::get_if<std::int64_t>(&value))
            texts.push_back(std::to_string(*number));
        else
            texts.push_back(std::get<std::string>(value));
    }
    std::vector<const char*> pointers;
    for (const auto& t : texts) pointers.push_back(t.c_str());
    if (!PQsendQueryParams(db_, sql, static_cast<int>(pointers.size()), nullptr, pointers.data(), nullptr, nullptr, 0))
        return error(doing, first_line(PQerrorMessage(db_)));
    PQsetSingleRowMode(db_);
    std::int64_t rows = 0;
    std::string problem;
    // Every result is read, even after a failure: the connection is ready again only then.
    while (PGresult* next = PQgetResult(db_)) {
        const ClearedResult result{next};
        switch (PQresultStatus(next)) {
            case PGRES_SINGLE_TUPLE:
                ++rows;
                if (row && problem.empty()) row(PostgresRow(next));
                break;
            case PGRES_TUPLES_OK:
            case PGRES_COMMAND_OK: break;
            default:
                if (problem.empty()) problem = first_line(PQresultErrorMessage(next));
        }
    }
    if (!problem.empty()) return error(doing, problem);
    return rows;
}

Status PostgresConnection::run_script(const std::string& doing, const std::string& sql) {
    if (auto c = ensure_connected(); !c) return c;
    const ClearedResult result{PQexec(db_, sql.c_str())};
    const auto status = PQresultStatus(result.result);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
        return error(doing, first_line(PQresultErrorMessage(result.result)));
    return ok_status();
}

Status PostgresConnection::begin_writing_alongside(const std::string& doing) {
    if (auto begun = run_script(doing, "BEGIN"); !begun) return begun;
    in_transaction_ = true;
    return ok_status();
}

Status PostgresConnection::begin_writing(const std::string& doing) {
    if (auto begun = run_script(doing, "BEGIN"); !begun) return begun;
    in_transaction_ = true;
    if (auto locked = run_script(doing, kOneWriterLock); !locked) {
        roll_back();
        return locked;
    }
    return ok_status();
}

Status PostgresConnection::commit(const std::string& doing) {
    const ClearedResult result{PQexec(db_, "COMMIT")};
    in_transaction_ = false;
    // A transaction that failed part way answers COMMIT with ROLLBACK.
    if (PQresultStatus(result.result) != PGRES_COMMAND_OK)
        return error(doing, first_line(PQresultErrorMessage(result.result)));
    if (std::strcmp(PQcmdStatus(result.result), "COMMIT") != 0) return error(doing, "the transaction was rolled back");
    return ok_status();
}

void PostgresConnection::roll_back() {
    if (!in_transaction_) return;
    in_transaction_ = false;
    const ClearedResult result{PQexec(db_, "ROLLBACK")};
}

}  // namespace sv
