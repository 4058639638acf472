#pragma once
// A writing transaction that is rolled back unless committed: every early return of a store
// method leaves the database as it was.
#include <string>
#include <utility>

#include "sql_connection.hpp"

namespace sv {

class Transaction {
public:
    Transaction(SqlConnection& db, std::string doing)
        : db_(db), doing_(std::move(doing)), began_(db_.begin_writing(doing_)) {
        open_ = began_.ok();
    }
    // Not taking turns with other writers (see SqlConnection::begin_writing_alongside).
    struct AlongsideOthers {};
    Transaction(SqlConnection& db, std::string doing, AlongsideOthers)
        : db_(db), doing_(std::move(doing)), began_(db_.begin_writing_alongside(doing_)) {
        open_ = began_.ok();
    }
    ~Transaction() {
        if (open_) db_.roll_back();
    }
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    // Whether it started; when not, why, as the sentence for staff.
    const Status& began() const { return began_; }
    Status commit() {
        Status committed = db_.commit(doing_);
        if (!committed) db_.roll_back();
        open_ = false;
        return committed;
    }

private:
    SqlConnection& db_;
    std::string doing_;
    Status began_;
    bool open_ = false;
};

}  // namespace sv
