#pragma once
// Lets a waiting sync loop be woken early (a new response, "sync now", the network came
// back) or stopped (the kiosk is closing), instead of sleeping out its whole wait.
#include <chrono>
#include <condition_variable>
#include <mutex>

namespace sv {

class WakeSignal {
public:
    // Returns early when woken (the wake is used up) or stopped.
    void wait_for(std::chrono::milliseconds timeout) {
        std::unique_lock lock(mutex_);
        changed_.wait_for(lock, timeout, [this] { return woken_ || stopped_; });
        woken_ = false;
    }
    void wake() {
        {
            std::lock_guard lock(mutex_);
            woken_ = true;
        }
        changed_.notify_all();
    }
    void stop() {
        {
            std::lock_guard lock(mutex_);
            stopped_ = true;
        }
        changed_.notify_all();
    }
    bool stopped() const {
        std::lock_guard lock(mutex_);
        return stopped_;
    }

private:
    mutable std::mutex mutex_;
    std::condition_variable changed_;
    bool woken_ = false;
    bool stopped_ = false;
};

}  // namespace sv
