#include "staff_pin.hpp"

#include <sodium.h>

#include <algorithm>
#include <cmath>

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
    if (sodium_init() < 0) return Error{"The kiosk could not start its security library, so no PIN was set."};
    char hash[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str(hash, pin.data(), pin.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                          crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
        return Error{"The tablet ran out of memory while setting the PIN. Close other apps and try again."};
    return std::string(hash);
}

bool staff_pin_matches(const std::string& hash, const std::string& pin) {
    if (sodium_init() < 0 || hash.empty() || hash.size() >= crypto_pwhash_STRBYTES) return false;
    return crypto_pwhash_str_verify(hash.c_str(), pin.data(), pin.size()) == 0;
}

double staff_pin_wait_seconds(int wrong_in_a_row) {
    if (wrong_in_a_row < kWrongPinsBeforeWait) return 0;
    const int doublings = std::min(wrong_in_a_row - kWrongPinsBeforeWait, 10);
    return std::min(30.0 * std::pow(2.0, doublings), 15 * 60.0);
}

}  // namespace sv
