#include "event_log.hpp"

#include <cstdio>
#include <mutex>

#include "device_clock.hpp"
#include "log_text.hpp"

namespace sv {
namespace {

// Quoted when it holds a space, an equals sign or nothing, so each pair reads back whole.
std::string value_of(const std::string& value) {
    const std::string safe = log_safe(value);
    if (!safe.empty() && safe.find_first_of(" =") == std::string::npos) return safe;
    return "\"" + safe + "\"";
}

}  // namespace

std::string event_log_line(const std::string& at, const char* event, std::initializer_list<LogField> fields) {
    std::string line = "streetvoice-hub: at=" + at + " event=" + event;
    for (const auto& field : fields) line += std::string(" ") + field.key + "=" + value_of(field.value);
    return line;
}

void log_event(const char* event, std::initializer_list<LogField> fields) {
    static std::mutex writing;
    const std::string line = event_log_line(utc_now_iso8601(), event, fields) + "\n";
    std::lock_guard hold(writing);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
}

}  // namespace sv
