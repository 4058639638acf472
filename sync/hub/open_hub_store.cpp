#include "open_hub_store.hpp"

#include "postgres_connection.hpp"
#include "sqlite_connection.hpp"

namespace sv {
namespace {

// Connections each hub process keeps to PostgreSQL: a backend process each on the database's
// side, so a few hubs behind a load balancer stay well inside its max_connections (100).
constexpr int kPostgresWriters = 4;
constexpr int kPostgresReaders = 2;

Result<std::unique_ptr<HubStore>> open_sqlite_hub_store(const std::string& path) {
    const std::string doing = "open the hub's database";
    // SQLite writes one transaction at a time, whoever asks: one connection of each.
    std::vector<std::unique_ptr<SqlConnection>> writers, readers;
    auto writer = SqliteConnection::open(path, doing, 10000);
    if (!writer) return writer.error();
    writers.push_back(std::move(writer).value());
    auto reader = SqliteConnection::open(path, doing, 10000);
    if (!reader) return reader.error();
    readers.push_back(std::move(reader).value());
    return HubStore::open(std::move(writers), std::move(readers), sqlite_hub_schema(), path);
}

Result<std::unique_ptr<HubStore>> open_postgres_hub_store(const std::string& conninfo) {
    // Uploads from several kiosks are stored side by side, each in a connection of its own.
    std::vector<std::unique_ptr<SqlConnection>> writers, readers;
    std::string where;
    for (int i = 0; i < kPostgresWriters + kPostgresReaders; ++i) {
        auto connection = PostgresConnection::open(conninfo);
        if (!connection) return connection.error();
        where = "in PostgreSQL (" + connection.value()->where() + ")";
        (i < kPostgresWriters ? writers : readers).push_back(std::move(connection).value());
    }
    return HubStore::open(std::move(writers), std::move(readers), postgres_hub_schema(), where);
}

}  // namespace

Result<std::unique_ptr<HubStore>> open_hub_store(const std::string& database) {
    const std::string sqlite_prefix = "sqlite:";
    if (database.rfind(sqlite_prefix, 0) == 0) return open_sqlite_hub_store(database.substr(sqlite_prefix.size()));
    if (database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0)
        return open_postgres_hub_store(database);
    return Error{"--db must be sqlite:PATH or postgresql://..., not \"" + database + "\"."};
}

}  // namespace sv
