#include "event_groups.hpp"

#include "html_text.hpp"

namespace sv {

const HubEvent* find_event(const std::vector<HubEvent>& events, const std::string& id) {
    for (const auto& e : events)
        if (e.event_id == id) return &e;
    return nullptr;
}

std::string ward_name(const std::string& ward) {
    return ward.empty() ? "No ward given" : ward;
}

std::string event_name(const HubEvent& event) {
    return event.place.empty() ? "Unnamed event" : event.place;
}

std::string event_detail(const HubEvent& event) {
    return ward_name(event.ward) + ", " + readable_day(event.started_at);
}

}  // namespace sv
