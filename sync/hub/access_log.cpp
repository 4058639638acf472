#include "access_log.hpp"

#include <cerrno>
#include <cstring>
#include <memory>

#include "device_clock.hpp"

namespace sv {
namespace {

constexpr std::size_t kLongestLoggedText = 200;  // bytes of a path or a note

// Printable ASCII stays; anything else (control characters, quotes, backslashes, bytes of
// other scripts) is written \xNN, so a line is one line and its fields are where they seem.
std::string escaped(const std::string& text) {
    std::string out;
    const std::size_t shown = std::min(text.size(), kLongestLoggedText);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    if (text.size() > shown) out += "...";
    return out;
}

}  // namespace

std::string access_log_line(const AccessRecord& record, const std::string& at) {
    char took[32];
    std::snprintf(took, sizeof took, "%.1fms", static_cast<double>(record.took.count()) / 1000.0);
    std::string line = at + " " + (record.client_address.empty() ? "-" : escaped(record.client_address)) + " \"" +
                       escaped(record.method) + " " + escaped(record.path) + "\" " + std::to_string(record.status) +
                       " " + took;
    if (!record.who.empty()) line += " " + escaped(record.who);
    if (!record.outcome.empty()) line += " \"" + escaped(record.outcome) + "\"";
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
