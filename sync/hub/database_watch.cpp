#include "database_watch.hpp"

#include "event_log.hpp"

namespace sv {

bool DatabaseWatch::check() {
    const Status reached = store_.reachable();
    std::lock_guard hold(mutex_);
    if (!reached && !lost_) log_event("database_lost", {{"error", reached.error().message}});
    if (reached && lost_) log_event("database_back");
    lost_ = !reached;
    return reached.ok();
}

std::string store_trouble(const Error& error, const std::string& request) {
    log_event("store_failed", {{"request", request}, {"error", error.message}});
    return "The hub cannot reach its database just now; nothing from this request was kept. Try again in a minute; "
           "if it goes on, tell whoever runs the hub.";
}

}  // namespace sv
