#pragma once
// The hub's event log: one line per thing IT may want to know of, to standard error (the
// journal, under systemd), as key=value pairs a person can read and a tool can parse:
//   streetvoice-hub: at=2026-11-30T10:02:11Z event=batch device=5f0c... responses=12 accepted=11 rejected=1
// Events: hub_started, hub_stopped, device_enrolled, enrolment_refused, batch,
// response_rejected, login_succeeded, login_failed, login_locked_out, database_lost,
// database_back, campaign_published. Never a token, a code or a password: only names, ids,
// counts and the hub's own sentences. Values are written as log_safe makes them.
#include <initializer_list>
#include <string>

namespace sv {

struct LogField {
    const char* key;
    std::string value;
};

// `at`: the UTC time, as ISO 8601.
std::string event_log_line(const std::string& at, const char* event, std::initializer_list<LogField> fields);
// Writes the line, whole, from any thread.
void log_event(const char* event, std::initializer_list<LogField> fields = {});

}  // namespace sv
