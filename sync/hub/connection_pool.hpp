#pragma once
// A few connections to one database, lent one at a time to whoever asks and given back when
// the lease goes: PostgreSQL serves several of one hub's requests at once this way; SQLite
// writes one at a time whatever is asked, so its pools hold one.
#include <condition_variable>
#include <memory>
#include <mutex>
#include <vector>

#include "sql_connection.hpp"

namespace sv {

class ConnectionPool {
public:
    explicit ConnectionPool(std::vector<std::unique_ptr<SqlConnection>> connections);
    ConnectionPool(const ConnectionPool&) = delete;
    ConnectionPool& operator=(const ConnectionPool&) = delete;

    // One connection, this thread's until the lease goes.
    class Lease {
    public:
        Lease(ConnectionPool& pool, SqlConnection& lent) : db(lent), pool_(pool) {}
        ~Lease() { pool_.give_back(db); }
        Lease(const Lease&) = delete;
        Lease& operator=(const Lease&) = delete;
        SqlConnection* operator->() { return &db; }
        SqlConnection& db;

    private:
        ConnectionPool& pool_;
    };
    // Waits while every connection is lent.
    Lease take();
    std::size_t size() const { return all_.size(); }

private:
    void give_back(SqlConnection& db);

    std::vector<std::unique_ptr<SqlConnection>> all_;
    std::mutex mutex_;
    std::condition_variable returned_;
    std::vector<SqlConnection*> free_;
};

}  // namespace sv
