#pragma once
// The hub's access log: one line per request answered, for IT to follow what the hub does
// (journalctl -u streetvoice-hub) without a proxy in front of it.
//   2026-05-16T10:02:11Z 10.0.4.7 "POST /api/v1/responses:batch" 200 3.1ms device=5f0c... "12 responses: 12 new"
// What a client sent (the path) is written with every control character, quote and
// backslash escaped, and cut short, so no request can forge or hide a line.
#include <cstdio>
#include <memory>
#include <mutex>
#include <string>

#include "http_front.hpp"
#include "result.hpp"

namespace sv {

// `at`: the UTC time the line is written, as ISO 8601.
std::string access_log_line(const AccessRecord& record, const std::string& at);

// Writes lines to a file (appending) or to standard error, one whole line at a time from any
// thread.
class AccessLog {
public:
    // "-": standard error (the journal, under systemd).
    static Result<std::unique_ptr<AccessLog>> open(const std::string& path);
    ~AccessLog();
    AccessLog(const AccessLog&) = delete;
    AccessLog& operator=(const AccessLog&) = delete;

    void write(const AccessRecord& record);

private:
    explicit AccessLog(std::FILE* file, bool owned) : file_(file), owned_(owned) {}
    std::mutex mutex_;
    std::FILE* file_;
    bool owned_;
};

}  // namespace sv
