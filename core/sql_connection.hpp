#pragma once
// What a store asks of its database, whichever it is: run one statement with $1, $2, …
// placeholders and read its rows as they come, run a schema script, and hold one writer's
// transaction. Adapters: SqliteConnection (here) and PostgresConnection (the hub's).
#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <variant>

#include "result.hpp"

namespace sv {

using SqlValue = std::variant<std::string, std::int64_t>;

// One row of a result, by column from 0. Valid only inside the visitor it is handed to.
class SqlRow {
public:
    virtual std::string text(int column) const = 0;
    virtual std::int64_t integer(int column) const = 0;

protected:
    ~SqlRow() = default;
};
using SqlRowVisitor = std::function<void(const SqlRow&)>;

class SqlConnection {
public:
    virtual ~SqlConnection() = default;
    // Runs one statement, hands each row it returns to `row` as it arrives (never all rows in
    // memory at once), and says how many rows there were. `doing` ("store the responses")
    // begins the error's sentence.
    virtual Result<std::int64_t> run(const std::string& doing, const char* sql, std::initializer_list<SqlValue> values,
                                     const SqlRowVisitor& row = {}) = 0;
    // Runs statements without parameters in one go: a schema, a setting.
    virtual Status run_script(const std::string& doing, const std::string& sql) = 0;
    // A transaction that writes. One writer at a time, across processes too, waiting its turn:
    // rows are numbered in the order they commit, so a reader asking for the rows after the
    // last it saw misses none.
    virtual Status begin_writing(const std::string& doing) = 0;
    // A transaction that writes alongside others where the database allows it, for writes
    // that keep themselves right without taking turns (storing responses: each is its own
    // row, readers catch up by transaction, see the hub's schema). Where only one writer at a
    // time can be, as in SQLite, the same as begin_writing.
    virtual Status begin_writing_alongside(const std::string& doing) { return begin_writing(doing); }
    virtual Status commit(const std::string& doing) = 0;
    // Undoes an open transaction; nothing when none is open.
    virtual void roll_back() = 0;
};

}  // namespace sv
