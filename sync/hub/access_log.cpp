#include "access_log.hpp"

#include <cerrno>
#include <cstring>
#include <memory>

#include "device_clock.hpp"
#include "log_text.hpp"

namespace sv {

std::string access_log_line(const AccessRecord& record, const std::string& at) {
    char took[32];
    std::snprintf(took, sizeof took, "%.1fms", static_cast<double>(record.took.count()) / 1000.0);
    std::string line = at + " " + (record.client_address.empty() ? "-" : log_safe(record.client_address)) + " \"" +
                       log_safe(record.method) + " " + log_safe(record.path) + "\" " + std::to_string(record.status) +
                       " " + took;
    if (!record.who.empty()) line += " " + log_safe(record.who);
    if (!record.outcome.empty()) line += " \"" + log_safe(record.outcome) + "\"";
    return line;
}

Result<std::unique_ptr<AccessLog>> AccessLog::open(const std::string& path) {
    if (path == "-") return std::unique_ptr<AccessLog>(new AccessLog(stderr, false));
    std::FILE* file = std::fopen(path.c_str(), "a");
    if (!file) return Error{"Cannot write the access log " + path + ": " + std::strerror(errno) + "."};
    return std::unique_ptr<AccessLog>(new AccessLog(file, true));
}

AccessLog::~AccessLog() {
    if (owned_) std::fclose(file_);
}

void AccessLog::write(const AccessRecord& record) {
    const std::string line = access_log_line(record, utc_now_iso8601()) + "\n";
    std::lock_guard<std::mutex> hold(mutex_);
    std::fwrite(line.data(), 1, line.size(), file_);
    std::fflush(file_);
}

}  // namespace sv
