#include "html_text.hpp"

#include <cmath>
#include <cstdio>
#include <ctime>

#include "device_clock.hpp"

namespace sv {

std::string html_escaped(const std::string& text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string one_decimal(double value) {
    const double rounded = std::round(value * 10) / 10;
    char text[32];
    if (rounded == std::floor(rounded))
        std::snprintf(text, sizeof text, "%.0f", rounded);
    else
        std::snprintf(text, sizeof text, "%.1f", rounded);
    return text;
}

std::string half_points(double value) {
    return one_decimal(std::round(value * 2) / 2);
}

namespace {

// "22 Nov 2026" (and the time when `with_time`), the one way the dashboard writes a date.
std::string readable(const std::string& iso_utc, bool with_time) {
    const auto when = utc_iso8601_seconds(iso_utc);
    if (!when) return iso_utc;
    std::tm local{};
    localtime_r(&*when, &local);
    char text[32];
    std::strftime(text, sizeof text, with_time ? " %b %Y %H:%M" : " %b %Y", &local);
    return std::to_string(local.tm_mday) + text;
}

}  // namespace

std::string readable_time(const std::string& iso_utc) {
    return readable(iso_utc, true);
}

std::string readable_day(const std::string& iso_utc) {
    return readable(iso_utc, false);
}

std::string readable_calendar_day(const std::string& day) {
    std::tm date{};
    if (day.size() != 10 || std::sscanf(day.c_str(), "%4d-%2d-%2d", &date.tm_year, &date.tm_mon, &date.tm_mday) != 3 ||
        date.tm_mon < 1 || date.tm_mon > 12 || date.tm_mday < 1 || date.tm_mday > 31)
        return day;
    date.tm_year -= 1900;
    date.tm_mon -= 1;
    char text[16];
    std::strftime(text, sizeof text, " %b %Y", &date);
    return std::to_string(date.tm_mday) + text;
}

std::string count_of(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace sv
