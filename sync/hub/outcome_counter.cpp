#include "outcome_counter.hpp"

namespace sv {

OutcomeCounter::OutcomeCounter(std::chrono::milliseconds time_budget, std::chrono::milliseconds held_back)
    : time_budget_(time_budget), held_back_(held_back), worker_([this] { work(); }) {}

OutcomeCounter::~OutcomeCounter() {
    stop();
}

void OutcomeCounter::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    changed_.notify_all();
    if (worker_.joinable() && worker_.get_id() != std::this_thread::get_id()) worker_.join();
}

bool OutcomeCounter::wanted_locked(const std::string& key, std::size_t tag) const {
    if (stopping_) return false;
    if (const auto done = counted_.find(key); done != counted_.end() && done->second.tag == tag) return false;
    if (const auto busy = under_way_.find(key); busy != under_way_.end() && busy->second == tag) return false;
    const auto queued = waiting_.find(key);
    return queued == waiting_.end() || queued->second.tag != tag;
}

bool OutcomeCounter::wanted(const std::string& key, std::size_t tag) {
    std::lock_guard lock(mutex_);
    return wanted_locked(key, tag);
}

void OutcomeCounter::request(const std::string& key, std::size_t tag, Count count) {
    {
        std::lock_guard lock(mutex_);
        if (!wanted_locked(key, tag)) return;
        auto [job, added] = waiting_.try_emplace(key);
        if (added) queue_.push_back(key);
        job->second = {tag, std::move(count)};
    }
    changed_.notify_all();
}

OutcomeCounter::Latest OutcomeCounter::latest(const std::string& key, std::size_t tag, std::chrono::milliseconds wait) {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, wait, [&] {
        const auto done = counted_.find(key);
        return stopping_ || (done != counted_.end() && done->second.tag == tag);
    });
    Latest latest;
    if (const auto done = counted_.find(key); done != counted_.end()) {
        latest.finished = done->second.results;
        latest.current = done->second.tag == tag;
    }
    return latest;
}

void OutcomeCounter::work() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
        if (stopping_) return;
        const std::string key = queue_.front();
        queue_.pop_front();
        Job job = std::move(waiting_.at(key));
        waiting_.erase(key);
        under_way_[key] = job.tag;
        if (held_back_.count() > 0) changed_.wait_for(lock, held_back_, [&] { return stopping_.load(); });
        lock.unlock();
        const CountStop stop{&stopping_, std::chrono::steady_clock::now() + time_budget_};
        auto results = job.count(stop);
        lock.lock();
        under_way_.erase(key);
        if (stopping_) return;
        counted_[key] = {job.tag, std::move(results)};
        changed_.notify_all();
    }
}

}  // namespace sv
