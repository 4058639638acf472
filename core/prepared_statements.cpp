#include "prepared_statements.hpp"

namespace sv {

PreparedStatements::~PreparedStatements() {
    for (auto& [sql, stmt] : kept_) sqlite3_finalize(stmt);
}

SqliteStatement PreparedStatements::use(const std::string& sql) {
    if (const auto found = kept_.find(sql); found != kept_.end())
        return SqliteStatement::borrow(found->second, SQLITE_OK);
    sqlite3_stmt* stmt = nullptr;
    const bool keep = kept_.size() < kMostKept;
    const int rc = sqlite3_prepare_v3(db_, sql.c_str(), -1, keep ? SQLITE_PREPARE_PERSISTENT : 0, &stmt, nullptr);
    if (rc != SQLITE_OK || !keep) return SqliteStatement::adopt(stmt, rc);
    kept_.emplace(sql, stmt);
    return SqliteStatement::borrow(stmt, SQLITE_OK);
}

}  // namespace sv
