#pragma once
// The dashboard's activity log page: the newest entries of the hub's audit log.
#include <string>
#include <vector>

#include "hub_store.hpp"
#include "organiser_sessions.hpp"

namespace sv {

constexpr std::size_t kAuditEntriesShown = 500;

std::string audit_page(const SignedIn& who, const std::vector<AuditEntry>& newest_first);

}  // namespace sv
