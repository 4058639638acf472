#include "open_hub_store.hpp"

#include "postgres_hub_store.hpp"
#include "sqlite_hub_store.hpp"

namespace sv {

Result<std::unique_ptr<HubStore>> open_hub_store(const std::string& database) {
    const std::string sqlite_prefix = "sqlite:";
    if (database.rfind(sqlite_prefix, 0) == 0) return SqliteHubStore::open(database.substr(sqlite_prefix.size()));
    if (database.rfind("postgresql://", 0) == 0 || database.rfind("postgres://", 0) == 0)
        return PostgresHubStore::open(database);
    return Error{"--db must be sqlite:PATH or postgresql://..., not \"" + database + "\"."};
}

}  // namespace sv
