#pragma once
// Text from campaign files, kiosks and citizens goes into the dashboard's pages only through
// here, so a comment such as "<script>" is shown as written and never run.
#include <string>

namespace sv {

std::string html_escaped(const std::string& text);
// "1 response", "3 responses".
std::string count_of(int n, const char* one, const char* many);
// A figure with at most one decimal, "4" or "4.5", as the dashboard shows medians.
std::string one_decimal(double value);
// To the nearest half point, "2.5" or "3": how quartiles of whole-number ratings are given.
std::string half_points(double value);
// "2026-11-22T10:05:00Z" as the hub's local time, "22 Nov 2026 10:05"; the text as it was
// when it does not read as a time.
std::string readable_time(const std::string& iso_utc);
// The day alone, "22 Nov 2026".
std::string readable_day(const std::string& iso_utc);
// A day of the hub's calendar, "2026-11-22", as "22 Nov 2026".
std::string readable_calendar_day(const std::string& day);

}  // namespace sv
