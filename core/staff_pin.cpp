#include "staff_pin.hpp"

#include <algorithm>
#include <cmath>

#include "slow_hash.hpp"

namespace sv {

std::optional<std::string> why_not_staff_pin(const std::string& pin) {
    const bool digits_only = std::all_of(pin.begin(), pin.end(), [](char c) { return c >= '0' && c <= '9'; });
    if (!digits_only || pin.size() < kShortestStaffPin || pin.size() > kLongestStaffPin)
        return "A staff PIN is 4 to 8 digits.";
    if (std::all_of(pin.begin(), pin.end(), [&](char c) { return c == pin.front(); }))
        return "Choose a PIN that is not one digit repeated.";
    return std::nullopt;
}

Result<std::string> hash_staff_pin(const std::string& pin) {
    auto hash = argon2id_hash(pin);
    if (!hash)
        return Error{
            "The tablet could not set the PIN (its security library did not start or memory ran out). "
            "Close other apps and try again."};
    return *hash;
}

bool staff_pin_matches(const std::string& hash, const std::string& pin) {
    return argon2id_matches(hash, pin);
}

double staff_pin_wait_seconds(int wrong_in_a_row) {
    if (wrong_in_a_row < kWrongPinsBeforeWait) return 0;
    const int doublings = std::min(wrong_in_a_row - kWrongPinsBeforeWait, 10);
    return std::min(30.0 * std::pow(2.0, doublings), 15 * 60.0);
}

}  // namespace sv
