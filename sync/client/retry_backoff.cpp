#include "retry_backoff.hpp"

#include <algorithm>

namespace sv {

std::chrono::milliseconds RetryBackoff::ceiling(int failures) const {
    std::chrono::milliseconds ceiling = base;
    for (int i = 1; i < failures && ceiling < cap; ++i) ceiling *= 2;
    return std::min(ceiling, cap);
}

std::chrono::milliseconds RetryBackoff::delay(int failures, std::mt19937_64& random) const {
    std::uniform_int_distribution<std::chrono::milliseconds::rep> pick(0, ceiling(failures).count());
    return std::chrono::milliseconds(pick(random));
}

bool worth_retrying(long http_status) {
    return http_status == 408 || http_status == 429 || (http_status >= 500 && http_status <= 599);
}

}  // namespace sv
