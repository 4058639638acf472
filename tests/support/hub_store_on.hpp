#pragma once
// A new, empty hub store of one kind ("sqlite" or "postgresql", on a real server started for
// it), with whatever it needs kept alive beside it: for tests of the store's promises on both.
#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>

#include "hub_store.hpp"
#include "open_hub_store.hpp"
#include "running_postgres.hpp"
#include "temp_folder.hpp"

namespace sv::test {

struct HubStoreOn {
    explicit HubStoreOn(const std::string& kind) {
        database = kind == "postgresql" ? hub_database(kind, postgres) : "sqlite:" + folder.file("hub.sqlite");
        auto opened = open_hub_store(database);
        INFO((opened ? "" : opened.error().message));
        REQUIRE(opened.ok());
        store = std::move(opened).value();
    }
    HubStore* operator->() { return store.get(); }

    TempFolder folder;
    std::optional<RunningPostgres> postgres;
    std::string database;
    std::unique_ptr<HubStore> store;
};

}  // namespace sv::test
