#include "login_throttle.hpp"

#include <algorithm>
#include <vector>

#include "staff_pin.hpp"

namespace sv {

LoginThrottle::Permit LoginThrottle::ask(const Attempt& attempt, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    Permit permit;
    bool someone_checking = false;
    for (const auto& key : {address_key(attempt), name_key(attempt)}) {
        const auto found = records_.find(key);
        if (found == records_.end()) continue;
        someone_checking = someone_checking || found->second.checking;
        if (now < found->second.wait_until)
            permit.wait_seconds =
                std::max(permit.wait_seconds, std::chrono::duration<double>(found->second.wait_until - now).count());
    }
    if (permit.wait_seconds > 0) return permit;
    if (someone_checking || checking_ >= kChecksAtOnce) {
        permit.busy = true;
        return permit;
    }
    if (records_.size() + 2 > kRemembered) forget_oldest();
    for (const auto& key : {address_key(attempt), name_key(attempt)}) {
        Record& record = records_[key];
        record.checking = true;
        record.last_seen = now;
    }
    ++checking_;
    permit.go = true;
    return permit;
}

void LoginThrottle::finished(const Attempt& attempt, Outcome outcome, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    --checking_;
    for (const auto& key : {address_key(attempt), name_key(attempt)}) {
        Record& record = records_[key];
        record.checking = false;
        record.last_seen = now;
        if (outcome == Outcome::right) {
            records_.erase(key);
            continue;
        }
        if (outcome == Outcome::not_checked) continue;
        ++record.wrong_in_a_row;
        // As the kiosk's staff PIN: a few free tries, then 30 seconds doubling up to 15 minutes.
        const double wait = staff_pin_wait_seconds(record.wrong_in_a_row);
        record.wait_until = now + std::chrono::milliseconds(static_cast<long long>(wait * 1000));
    }
}

void LoginThrottle::forget_oldest() {
    // Records still making someone wait, or with a check under way, are kept if at all possible.
    std::vector<std::pair<Clock::time_point, std::string>> by_age;
    for (const auto& [key, record] : records_)
        if (!record.checking) by_age.emplace_back(std::max(record.last_seen, record.wait_until), key);
    std::sort(by_age.begin(), by_age.end());
    const std::size_t drop = std::min(by_age.size(), records_.size() / 4 + 2);
    for (std::size_t i = 0; i < drop; ++i) records_.erase(by_age[i].second);
}

}  // namespace sv
