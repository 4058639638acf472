#pragma once
// The hub's audit log: logins, enrolments, publishing, notes and organiser changes, each with
// who, what, when and from where, kept in the hub's store and shown on the dashboard.
#include <string>

#include "hub_store.hpp"

namespace sv {

// Adds an entry stamped with the hub's clock. What it records has happened already, so a
// store that cannot take the entry is reported on standard error and nothing else changes.
void audit(HubStore& store, const std::string& who, const std::string& action, const std::string& address = "");
// Who runs a command on the hub's machine: "administrator (unix user root)".
std::string command_line_user();

}  // namespace sv
