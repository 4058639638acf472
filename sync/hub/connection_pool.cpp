#include "connection_pool.hpp"

namespace sv {

ConnectionPool::ConnectionPool(std::vector<std::unique_ptr<SqlConnection>> connections) : all_(std::move(connections)) {
    for (auto& c : all_) free_.push_back(c.get());
}

ConnectionPool::Lease ConnectionPool::take() {
    std::unique_lock lock(mutex_);
    returned_.wait(lock, [this] { return !free_.empty(); });
    SqlConnection* db = free_.back();
    free_.pop_back();
    return Lease(*this, *db);
}

void ConnectionPool::give_back(SqlConnection& db) {
    {
        std::lock_guard lock(mutex_);
        free_.push_back(&db);
    }
    returned_.notify_one();
}

}  // namespace sv
