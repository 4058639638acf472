#pragma once
// The hub's rules for a batch from a device: each response is checked against its published
// campaign version and stored once. Verdicts per response; one bad response never spoils
// the rest of the batch.
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "campaign.hpp"
#include "hub_store.hpp"

namespace sv {

class Ingest {
public:
    explicit Ingest(HubStore& store) : store_(store) {}

    // `device` is the one the token belongs to. An error means nothing was stored (the
    // database failed); the device keeps everything and tries again later.
    Result<BatchReply> take(const EnrolledDevice& device, const ResponseBatch& batch);

private:
    // Why the response cannot be accepted, or empty.
    std::string rejection(const EnrolledDevice& device, const Response& response);
    const Campaign* published(const std::string& id, int version);
    // Each response refused for its chain goes into the audit log too, for the record.
    Status note_chain_problems(const std::vector<ChainEntry>& chain, const std::string& now);

    HubStore& store_;
    std::mutex mutex_;
    std::map<std::pair<std::string, int>, Campaign> campaigns_;  // parsed once, by id and version
};

// The UTC time now, as 2026-11-22T18:30:00Z.
std::string hub_time_now();

}  // namespace sv
