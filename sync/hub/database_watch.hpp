#pragma once
// Whether the hub can reach its database. The event log says when the database is lost and
// when it is back, once each, whether a monitor asked (/readyz), the hub's own look every few
// seconds found it, or a request met the failure; what the database said is logged for IT and
// never sent to a client, who gets store_trouble's sentence instead.
#include <mutex>
#include <string>

#include "hub_store.hpp"

namespace sv {

class DatabaseWatch {
public:
    explicit DatabaseWatch(HubStore& store) : store_(store) {}
    // Asks the database now: true when it answered.
    bool check();

private:
    HubStore& store_;
    std::mutex mutex_;
    bool lost_ = false;
};

// A store failure met while answering a request: logged with what the database said
// (event=store_failed), answered with a sentence that gives nothing of it away.
std::string store_trouble(const Error& error, const std::string& request);

}  // namespace sv
