#pragma once
// Sync on a thread of its own while citizens use the kiosk. The screens never wait for it:
// they only nudge it when a response is saved and read its status, each under a brief lock.
// It has its own connection to the answers file (SQLite in WAL lets both work at once).
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "hub_connection.hpp"
#include "kiosk_flow.hpp"
#include "retry_backoff.hpp"
#include "store.hpp"
#include "wake_signal.hpp"

namespace sv {

struct SyncStatus {
    std::string hub_url;
    bool enrolled = false;
    std::int64_t waiting = -1;  // responses not yet sent; -1 until first counted
    std::int64_t refused = 0;   // kept on the kiosk with the hub's reason
    std::string problem;        // the last failure in plain words; empty when all is well
    int rounds = 0;             // finished rounds of sending and fetching
    // When a round last reached the hub and finished; empty until one has.
    std::optional<std::chrono::steady_clock::time_point> last_success;
};

struct BackgroundSyncSettings {
    std::string answers_path;
    std::string hub_url;
    std::string enrol_code;  // used only while the kiosk holds no token for this hub
    HubConnectionOptions connection;
    RetryBackoff backoff;
    // With nothing to send, how often to look for new campaign versions anyway.
    std::chrono::milliseconds idle_round{std::chrono::minutes(1)};
};

class BackgroundSync {
public:
    explicit BackgroundSync(BackgroundSyncSettings settings);
    // Stops at once: a transfer under way is cut; what it did not finish is sent next time.
    ~BackgroundSync();
    BackgroundSync(const BackgroundSync&) = delete;
    BackgroundSync& operator=(const BackgroundSync&) = delete;

    // Try now: a response was saved, staff tapped "sync now", or the network came back.
    void nudge() { signal_.wake(); }
    SyncStatus status() const;
    // Waits until `wanted` holds for the status, or `limit` passes; true if it held.
    bool wait_until(const std::function<bool(const SyncStatus&)>& wanted, std::chrono::milliseconds limit) const;

private:
    void run();
    void update(const std::function<void(SyncStatus&)>& change);

    BackgroundSyncSettings settings_;
    WakeSignal signal_;
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    SyncStatus status_;
    std::thread thread_;
};

// The kiosk's save: commit the response durably, then nudge sync (if any) to send it.
SaveResponse save_and_nudge(Store& store, BackgroundSync* sync);

}  // namespace sv
