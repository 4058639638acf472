#pragma once
// The staff PIN that opens the staff panel. Only a slow salted hash (Argon2id, libsodium)
// is kept, and wrong guesses make the next try wait longer and longer.
#include <optional>
#include <string>

#include "result.hpp"

namespace sv {

// Where the kiosk keeps staff settings, in its answers file's settings.
namespace staff_setting {
constexpr const char* pin_hash = "staff_pin_hash";
constexpr const char* wrong_pins = "staff_wrong_pins";
constexpr const char* pin_wait = "staff_pin_wait_seconds";  // of the wait under way, in full
constexpr const char* hidden_activities = "hidden_activities";
constexpr const char* starting_text_size = "starting_text_size";
}  // namespace staff_setting

constexpr std::size_t kShortestStaffPin = 4;
constexpr std::size_t kLongestStaffPin = 8;
// Wrong PINs in a row allowed before the panel makes staff wait.
constexpr int kWrongPinsBeforeWait = 3;

// Why `pin` cannot be a staff PIN, in plain words; nothing when it can.
std::optional<std::string> why_not_staff_pin(const std::string& pin);
Result<std::string> hash_staff_pin(const std::string& pin);
bool staff_pin_matches(const std::string& hash, const std::string& pin);

// How long the PIN pad stays shut after `wrong_in_a_row` wrong PINs: nothing for the first
// few, then 30 seconds, doubling with each further wrong PIN, up to 15 minutes.
double staff_pin_wait_seconds(int wrong_in_a_row);

}  // namespace sv
