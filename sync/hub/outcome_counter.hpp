#pragma once
// Budget outcomes are counted off the request path: one worker thread runs each count with a
// time budget, and pages show the last count that finished, saying when a newer one is under
// way. Equal shares on a city's ballots can take seconds; no page, kiosk or shutdown waits
// for it longer than it chooses to.
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "campaign_results.hpp"
#include "pb_outcome.hpp"

namespace sv {

class OutcomeCounter {
public:
    // Works out one budget vote's results; gives up (and says so in them) when `stop` does.
    using Count = std::function<Result<BudgetResults>(const CountStop& stop)>;

    // `held_back`: each count waits this long before it starts (stopping ends the wait). Zero
    // but in tests of the hub while a count is under way (STREETVOICE_HUB_TEST_COUNT_DELAY_MS).
    explicit OutcomeCounter(std::chrono::milliseconds time_budget = std::chrono::seconds(20),
                            std::chrono::milliseconds held_back = std::chrono::milliseconds(0));
    ~OutcomeCounter();
    OutcomeCounter(const OutcomeCounter&) = delete;
    OutcomeCounter& operator=(const OutcomeCounter&) = delete;

    struct Latest {
        std::optional<Result<BudgetResults>> finished;  // the last count of this key that finished
        bool current = false;                           // ... and it counted `tag`
    };
    // Asks for `key` to be counted at `tag` (what it is counted from, e.g. how many ballots),
    // unless that count is done or already waiting; a newer tag replaces a waiting older one.
    void request(const std::string& key, std::size_t tag, Count count);
    // Whether a request for `key` at `tag` would count anything (so a caller can skip making
    // the count's copy of the ballots when it would not).
    bool wanted(const std::string& key, std::size_t tag);
    // The last finished count of `key`, waiting up to `wait` for the one at `tag`.
    Latest latest(const std::string& key, std::size_t tag, std::chrono::milliseconds wait);
    // Stops the count under way at its next round and the worker; later requests are dropped.
    void stop();
    // Only tells the count under way to stop (safe in a signal handler); stop() still follows.
    void request_stop() { stopping_ = true; }

private:
    struct Job {
        std::size_t tag = 0;
        Count count;
    };
    struct Counted {
        std::optional<std::size_t> tag;  // of the finished count
        std::optional<Result<BudgetResults>> results;
    };
    void work();
    bool wanted_locked(const std::string& key, std::size_t tag) const;

    std::chrono::milliseconds time_budget_;
    std::chrono::milliseconds held_back_;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::atomic<bool> stopping_{false};
    std::deque<std::string> queue_;       // keys waiting, oldest first
    std::map<std::string, Job> waiting_;  // by key
    std::map<std::string, std::size_t> under_way_;
    std::map<std::string, Counted> counted_;
    std::thread worker_;
};

}  // namespace sv
