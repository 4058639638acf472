// HubStore: each device's chain of answers as it arrived (ballot_chain.hpp), for checking
// batches as they come, the dashboard's alarms and heads, and `streetvoice-hub verify`.
#include <nlohmann/json.hpp>

#include "hub_store.hpp"

namespace sv {
namespace {

constexpr const char* kChainColumns =
    "device_id, uuid, link_before, link, event_id, campaign_id, counted, problem, received_at";

ChainEntry chain_entry_of(const SqlRow& row) {
    return {row.text(0),         row.text(1),
            row.text(2),         row.text(3),
            row.text(4),         row.text(5),
            row.integer(6) == 1, value_named(kChainProblemNames, row.text(7)).value_or(ChainProblem::changed),
            row.text(8)};
}

}  // namespace

Result<std::vector<ChainEntry>> HubStore::chain_entries_near(const std::string& device_id,
                                                             const std::vector<std::string>& links) {
    std::vector<ChainEntry> near;
    if (links.empty()) return near;
    // One statement for the whole batch, its links as a JSON list.
    const std::string list = nlohmann::json(links).dump();
    // Two halves, so that each finds its rows by its own index.
    const std::string sql = std::string("SELECT ") + kChainColumns +
                            " FROM chain_links WHERE device_id = $1 AND link IN (" + schema_.each_of_list +
                            ") UNION SELECT " + kChainColumns +
                            " FROM chain_links WHERE device_id = $1 AND link_before IN (" + schema_.each_of_list + ")";
    auto read = writing()->run("read the tablet's chain of answers", sql.c_str(), {device_id, list},
                               [&](const SqlRow& row) { near.push_back(chain_entry_of(row)); });
    if (!read) return read.error();
    return near;
}

Result<bool> HubStore::device_keeps_chain(const std::string& device_id) {
    auto read = writing()->run("read the tablet's chain of answers",
                               "SELECT 1 FROM chain_links WHERE device_id = $1 LIMIT 1", {device_id});
    if (!read) return read.error();
    return read.value() > 0;
}

Result<std::vector<ChainEntry>> HubStore::chain_problems() {
    std::vector<ChainEntry> problems;
    const std::string sql = std::string("SELECT ") + kChainColumns +
                            " FROM chain_links WHERE problem <> '' ORDER BY received_at DESC, device_id, uuid";
    auto read = reading()->run("read where tablets' chains broke", sql.c_str(), {},
                               [&](const SqlRow& row) { problems.push_back(chain_entry_of(row)); });
    if (!read) return read.error();
    return problems;
}

Result<std::vector<EventChainHead>> HubStore::chain_heads() {
    std::vector<EventChainHead> heads;
    // A head is a link in the event that no other link of the device in the event follows.
    auto read = reading()->run(
        "read the tablets' chain heads",
        "SELECT c.event_id, c.device_id, c.link, (SELECT count(*) FROM chain_links n WHERE n.device_id = "
        "c.device_id AND n.event_id = c.event_id) FROM chain_links c WHERE c.link <> '' AND NOT EXISTS (SELECT 1 "
        "FROM chain_links f WHERE f.device_id = c.device_id AND f.event_id = c.event_id AND f.link_before = c.link) "
        "ORDER BY c.event_id, c.device_id, c.link",
        {}, [&](const SqlRow& row) {
            heads.push_back({row.text(0), row.text(1), row.text(2), row.integer(3)});
        });
    if (!read) return read.error();
    return heads;
}

Status HubStore::visit_chain_entries(const std::function<void(const ChainEntry&)>& visit) {
    const std::string sql =
        std::string("SELECT ") + kChainColumns + " FROM chain_links ORDER BY device_id, received_at, uuid";
    auto read = reading()->run("read the tablets' chains of answers", sql.c_str(), {},
                               [&](const SqlRow& row) { visit(chain_entry_of(row)); });
    if (!read) return read.error();
    return ok_status();
}

}  // namespace sv
