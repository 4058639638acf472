#include "login_throttle.hpp"

#include <algorithm>

#include "staff_pin.hpp"

namespace sv {
namespace {

std::int64_t ms(LoginThrottle::Clock::time_point t) {
    return std::chrono::duration_cast<std::chrono::milliseconds>(t.time_since_epoch()).count();
}

}  // namespace

LoginThrottle::Permit LoginThrottle::ask(HubStore& store, const Attempt& attempt, Clock::time_point now) {
    Permit permit;
    {
        std::lock_guard lock(mutex_);
        if (checking_ >= kChecksAtOnce) {
            permit.busy = true;
            return permit;
        }
        ++checking_;
    }
    const std::string keys[] = {address_key(attempt), name_key(attempt)};
    const std::int64_t at = ms(now);
    int claimed = 0;
    std::string problem;
    for (const auto& key : keys) {
        auto claim = store.claim_login_check(key, at, at + std::chrono::milliseconds(kLongestCheck).count());
        if (!claim) problem = claim.error().message;
        if (!claim || !claim.value()) break;
        ++claimed;
    }
    if (claimed == 2) {
        permit.go = true;
        bool count_now = false;
        {
            std::lock_guard lock(mutex_);
            count_now = asked_++ % 100 == 0;
        }
        if (count_now) forget_oldest(store, at);
        return permit;
    }
    // Not both: let go of the one held, and say why.
    if (claimed == 1) (void)store.end_login_check(keys[0], false, at);
    {
        std::lock_guard lock(mutex_);
        --checking_;
    }
    if (!problem.empty()) {
        permit.problem = problem;
        return permit;
    }
    for (const auto& key : keys) {
        auto record = store.login_record(key);
        if (!record) {
            permit.problem = record.error().message;
            return permit;
        }
        if (record.value() && record.value()->wait_until > at)
            permit.wait_seconds =
                std::max(permit.wait_seconds, static_cast<double>(record.value()->wait_until - at) / 1000);
    }
    permit.busy = permit.wait_seconds <= 0;
    return permit;
}

void LoginThrottle::finished(HubStore& store, const Attempt& attempt, Outcome outcome, Clock::time_point now) {
    {
        std::lock_guard lock(mutex_);
        --checking_;
    }
    const std::int64_t at = ms(now);
    for (const auto& key : {address_key(attempt), name_key(attempt)}) {
        if (outcome == Outcome::right) {
            (void)store.forget_login_record(key);
            continue;
        }
        auto wrong_in_a_row = store.end_login_check(key, outcome == Outcome::wrong, at);
        if (outcome == Outcome::not_checked || !wrong_in_a_row) continue;
        // As the kiosk's staff PIN: a few free tries, then 30 seconds doubling up to 15 minutes.
        const double wait = staff_pin_wait_seconds(static_cast<int>(wrong_in_a_row.value()));
        (void)store.set_login_wait(key, at + static_cast<std::int64_t>(wait * 1000));
    }
}

void LoginThrottle::forget_oldest(HubStore& store, std::int64_t now) {
    // Records still making someone wait, or with a check under way, are kept.
    auto count = store.login_record_count();
    if (count && count.value() > kRemembered) (void)store.forget_oldest_login_records(now, count.value() / 4 + 2);
}

}  // namespace sv
