#pragma once
#include <ctime>
#include <optional>
#include <string>

namespace sv {

// The device's wall clock as UTC ISO 8601 with milliseconds ("2026-11-22T10:04:05.123Z").
// Device clocks drift; the hub records its own receipt time beside this one.
std::string utc_now_iso8601();
// `at` to the second, "2026-11-22T10:05:00Z": the form databases write their own times in.
std::string utc_second_iso8601(std::time_t at);
// "2026-11-22T10:05:00Z" (with or without milliseconds) as seconds since 1970; nothing when
// it does not read as a time.
std::optional<std::time_t> utc_iso8601_seconds(const std::string& iso);
// Exactly the form utc_now_iso8601 writes: "2026-11-22T10:05:00Z", optionally with 1 to 9
// digits of a second before the Z, and a real date and time of day.
bool is_utc_iso8601(const std::string& text);
// Exactly a day, "2026-11-22", as "about you" answers carry their time.
bool is_iso8601_day(const std::string& text);
// The start of today on the device's local clock, in the same UTC form: "today" for staff
// means their day, not the UTC one.
std::string local_day_start_utc_iso8601();

}  // namespace sv
