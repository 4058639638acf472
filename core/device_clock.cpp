#include "device_clock.hpp"

#include <cctype>

#include <chrono>
#include <cstdio>
#include <ctime>

namespace sv {

namespace {

std::string iso8601(const std::tm& utc, int millis) {
    char text[64];
    std::snprintf(text, sizeof text, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", utc.tm_year + 1900, utc.tm_mon + 1,
                  utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec, millis);
    return text;
}

}  // namespace

std::string utc_second_iso8601(std::time_t at) {
    std::tm utc{};
    gmtime_r(&at, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string local_day_start_utc_iso8601() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    local.tm_hour = local.tm_min = local.tm_sec = 0;
    local.tm_isdst = -1;
    const std::time_t midnight = std::mktime(&local);
    std::tm utc{};
    gmtime_r(&midnight, &utc);
    return iso8601(utc, 0);
}

std::string utc_now_iso8601() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    const std::time_t seconds = system_clock::to_time_t(now);
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    return iso8601(utc, static_cast<int>(millis));
}

namespace {

// `text` has digits where `shape` has 'd' and the same characters elsewhere.
bool has_shape(const std::string& text, const char* shape) {
    const std::string pattern(shape);
    if (text.size() != pattern.size()) return false;
    for (std::size_t i = 0; i < pattern.size(); ++i) {
        const bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
        if (pattern[i] == 'd' ? !digit : text[i] != pattern[i]) return false;
    }
    return true;
}

int number_at(const std::string& text, std::size_t at) {
    return (text[at] - '0') * 10 + (text[at + 1] - '0');
}

}  // namespace

bool is_iso8601_day(const std::string& text) {
    if (!has_shape(text, "dddd-dd-dd")) return false;
    const int month = number_at(text, 5), day = number_at(text, 8);
    return month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

bool is_utc_iso8601(const std::string& text) {
    // "YYYY-MM-DDTHH:MM:SS", then an optional fraction, then Z.
    constexpr std::size_t kSeconds = 19;
    if (text.size() < kSeconds + 1 || text.size() > kSeconds + 11 || text.back() != 'Z') return false;
    const std::string whole_seconds = text.substr(0, kSeconds);
    if (!has_shape(whole_seconds, "dddd-dd-ddTdd:dd:dd") || !is_iso8601_day(whole_seconds.substr(0, 10))) return false;
    const std::string fraction = text.substr(kSeconds, text.size() - kSeconds - 1);
    if (!fraction.empty() &&
        (fraction.size() < 2 || fraction[0] != '.' || fraction.find_first_not_of("0123456789", 1) != std::string::npos))
        return false;
    return number_at(text, 11) <= 23 && number_at(text, 14) <= 59 && number_at(text, 17) <= 60;
}

std::optional<std::time_t> utc_iso8601_seconds(const std::string& iso) {
    std::tm utc{};
    if (std::sscanf(iso.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d", &utc.tm_year, &utc.tm_mon, &utc.tm_mday, &utc.tm_hour,
                    &utc.tm_min, &utc.tm_sec) != 6)
        return std::nullopt;
    utc.tm_year -= 1900;
    utc.tm_mon -= 1;
    return timegm(&utc);
}

}  // namespace sv
