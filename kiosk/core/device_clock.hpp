#pragma once
#include <string>

namespace sv {

// The device's wall clock as UTC ISO 8601 with milliseconds ("2026-11-22T10:04:05.123Z").
// Device clocks drift; the hub records its own receipt time beside this one.
std::string utc_now_iso8601();
// The start of today on the device's local clock, in the same UTC form: "today" for staff
// means their day, not the UTC one.
std::string local_day_start_utc_iso8601();

}  // namespace sv
