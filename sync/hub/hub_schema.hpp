#pragma once
// The hub's tables in each database's dialect, and bringing a database up to date with them.
// Migrations are append-only: each moves the schema from version i to i+1.
#include <string>

#include "sql_connection.hpp"

namespace sv {

struct HubSchema {
    const char* const* migrations;
    int count;
    // Run once per connection before anything else (journal mode, durability).
    const char* connection_settings;
    // Makes sure the version can be read, then reads it.
    const char* version_table;
    const char* read_version;
    // Records `version`, inside the migrating transaction.
    std::string (*write_version)(int version);
    // Reading a campaign's responses again from where a reader left off. Where writers take
    // turns (SQLite) row numbers grow in commit order, and a reader keeps the last it saw:
    // `finished_before` is empty. Where they overlap (PostgreSQL) a lower row number may
    // commit later, so each row records its transaction and a reader keeps a horizon below
    // which every transaction has ended, which `finished_before` reads.
    const char* finished_before;
    // Which of a campaign's rows are new: $2 is where the reader left off, and with a horizon
    // $3 the new horizon.
    const char* responses_since;
    // The texts of a JSON list given as $2, one row each: for asking about a batch's many
    // values in one statement.
    const char* each_of_list;
};

const HubSchema& sqlite_hub_schema();
const HubSchema& postgres_hub_schema();

// Takes a writer's turn (two hubs starting on one new database wait for each other) and runs
// the migrations the database lacks. `database` names it for the "newer hub" sentence.
Status bring_up_to_date(SqlConnection& db, const HubSchema& schema, const std::string& database);

}  // namespace sv
