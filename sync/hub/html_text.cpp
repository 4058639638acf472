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

std::string readable_time(const std::string& iso_utc) {
    const auto when = utc_iso8601_seconds(iso_utc);
    if (!when) return iso_utc;
    std::tm local{};
    localtime_r(&*when, &local);
    char text[32];
    std::strftime(text, sizeof text, "%d %b %Y %H:%M", &local);
    return text;
}

std::string count_of(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace sv
