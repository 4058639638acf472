#pragma once
// When to try the hub again after a failure: exponential backoff with full jitter, so a
// hundred kiosks coming back online together do not knock on the hub in step.
//   wait = random(0, min(cap, base * 2^failures))
#include <chrono>
#include <random>

namespace sv {

struct RetryBackoff {
    std::chrono::milliseconds base{1000};
    std::chrono::milliseconds cap{std::chrono::minutes(5)};

    // The wait before the next try, after `failures` failures in a row (1 for the first).
    std::chrono::milliseconds delay(int failures, std::mt19937_64& random) const;
    // The largest delay() can return after that many failures.
    std::chrono::milliseconds ceiling(int failures) const;
};

// Only these are worth trying again: the hub or something on the way is busy or broken for
// now. Any other refusal (a bad token, a malformed batch) will not get better by itself.
bool worth_retrying(long http_status);

}  // namespace sv
