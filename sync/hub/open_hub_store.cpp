#include "open_hub_store.hpp"

#include "postgres_connection.hpp"
#include "sqlite_connection.hpp"

namespace sv {
namespace {

Result<std::unique_ptr<HubStore>> open_sqlite_hub_store(const std::string& path) {
    const std::string doing = "open the hub's database";
    auto writer = SqliteConnection::open(path, doing, 10000);
    if (!writer) return writer.error();
    auto reader = SqliteConnection::open(path, doing, 10000);
    if (!reader) return reader.error();
    return HubStore::open(std::move(writer).value(), std::move(reader).value(), sqlite_hub_schema(), path);
}

Result<std::unique_ptr<HubStore>> open_postgres_hub_store(const std::string& conninfo) {
    auto writer = PostgresConnection::open(conninfo);
    if (!writer) return writer.error();
    auto reader = PostgresConnection::open(conninfo);
    if (!reader) return reader.error();
    const std::string where = "in PostgreSQL (" + writer.value()->where() + ")";
    return HubStore::open(std::move(writer).value(), std::move(reader).value(), postgres_hub_schema(), where);
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
