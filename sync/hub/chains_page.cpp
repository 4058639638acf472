#include "chains_page.hpp"

#include <map>

#include "ballot_chain.hpp"
#include "chain_judgement.hpp"
#include "dashboard_pages.hpp"
#include "html_text.hpp"

namespace sv {
namespace {

std::string tablet_name(const std::vector<EnrolledDevice>& devices, const std::string& device_id) {
    for (const auto& d : devices)
        if (d.device_id == device_id) return d.name.empty() ? device_id : d.name + " (" + device_id + ")";
    return device_id;
}

std::string event_name(const std::map<std::string, const HubEvent*>& events, const std::string& event_id) {
    const auto found = events.find(event_id);
    if (found == events.end()) return "event " + event_id;
    const HubEvent& e = *found->second;
    std::string name = e.place.empty() ? "A stall with no place set" : e.place;
    if (!e.ward.empty()) name += ", " + e.ward + " ward";
    return name + ", from " + readable_time(e.started_at);
}

}  // namespace

Html chain_alarm_line(std::size_t refused) {
    if (refused == 0) return {};
    Html line;
    line << "<p class=\"problem\" role=\"alert\">" << std::to_string(refused)
         << (refused == 1 ? " answer was" : " answers were")
         << " refused because a tablet's chain of answers broke: see <a href=\"" << dashboard_path::chains
         << "\">Tablets' chains of answers</a>.</p>";
    return line;
}

std::string chains_page(const SignedIn& who, const ChainsView& view) {
    std::map<std::string, const HubEvent*> events;
    for (const auto& e : view.events) events[e.event_id] = &e;
    Html body;
    body << "<h1>Tablets' chains of answers</h1><p class=\"muted\">Each tablet links every answer it stores to the "
            "one before it. The hub checks every link as answers arrive: an answer changed, removed or put in "
            "on a tablet afterwards breaks its chain, and is refused rather than counted.</p>";
    if (view.problems.empty()) {
        body << "<p class=\"good\">No chain has broken: every answer the hub holds follows the one before it on its "
                "tablet.</p>";
    } else {
        body << "<h2>Alarms</h2><p class=\"problem\" role=\"alert\">" << view.problems.size()
             << (view.problems.size() == 1 ? " answer was" : " answers were")
             << " refused because its tablet's chain broke. The answers stay on the tablets; ask the staff who ran "
                "each stall what happened to the tablet before it was sent.</p>"
                "<table class=\"chain-alarms\"><thead><tr><th scope=\"col\">When it arrived</th><th "
                "scope=\"col\">Tablet</th><th scope=\"col\">Stall</th><th scope=\"col\">What the chain shows</th>"
                "<th scope=\"col\">Answer</th></tr></thead><tbody>";
        for (const auto& p : view.problems)
            body << "<tr><td>" << readable_time(p.received_at) << "</td><td>" << tablet_name(view.devices, p.device_id)
                 << "</td><td>" << event_name(events, p.event_id) << "</td><td>" << chain_problem_words(p.problem)
                 << "</td><td class=\"muted\"><code>" << p.uuid << "</code></td></tr>";
        body << "</tbody></table>";
    }
    body << "<h2>Chain heads by stall</h2><p class=\"muted\">At close, staff copy the chain head from the kiosk's "
            "staff panel onto the event sheet. Once the tablet has sent everything, its code here must be the "
            "same. Two codes for one tablet at one stall mean its chain broke there.</p>";
    if (view.heads.empty()) return dashboard_page("Chains of answers", who, body << "<p>No answers yet.</p>");
    body << "<table class=\"chain-heads\"><thead><tr><th scope=\"col\">Stall</th><th scope=\"col\">Tablet</th>"
            "<th scope=\"col\">Answers</th><th scope=\"col\">Chain head</th></tr></thead><tbody>";
    for (const auto& h : view.heads)
        body << "<tr><td>" << event_name(events, h.event_id) << "</td><td>" << tablet_name(view.devices, h.device_id)
             << "</td><td>" << h.answers << "</td><td><code class=\"chain-head\">" << chain_head_code(h.link)
             << "</code></td></tr>";
    return dashboard_page("Chains of answers", who, body << "</tbody></table>");
}

}  // namespace sv
