#include "audit_page.hpp"

#include "dashboard_pages.hpp"
#include "html_text.hpp"

namespace sv {

std::string audit_page(const SignedIn& who, const std::vector<AuditEntry>& newest_first) {
    Html body;
    body << "<h1>Activity log</h1><p class=\"muted\">Who logged in, enrolled a tablet, published a campaign, or "
            "changed notes and organisers on this hub, newest first (the last "
         << kAuditEntriesShown << ").</p>";
    if (newest_first.empty()) return dashboard_page("Activity log", who, body << "<p>Nothing yet.</p>");
    body << "<table class=\"audit\"><thead><tr><th scope=\"col\">When</th><th scope=\"col\">Who</th>"
            "<th scope=\"col\">What</th><th scope=\"col\">From</th></tr></thead><tbody>";
    for (const auto& e : newest_first)
        body << "<tr data-entry=\"" << e.id << "\"><td>" << readable_time(e.at) << "</td><td>" << e.who << "</td><td>"
             << e.action << "</td><td class=\"muted\">" << (e.address.empty() ? "this machine" : e.address)
             << "</td></tr>";
    return dashboard_page("Activity log", who, body << "</tbody></table>");
}

}  // namespace sv
