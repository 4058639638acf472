#pragma once
// Responses are counted by event; the dashboard shows them by event and by the ward staff
// gave each event. How an event and a ward are named there.
#include <string>
#include <vector>

#include "hub_store.hpp"

namespace sv {

// The event with `id` among `events`; null for one the hub never heard of.
const HubEvent* find_event(const std::vector<HubEvent>& events, const std::string& id);
// A ward as a heading: "No ward given" for an empty one.
std::string ward_name(const std::string& ward);
// An event as a heading, and its detail ("Riverside, 2026-11-22").
std::string event_name(const HubEvent& event);
std::string event_detail(const HubEvent& event);

}  // namespace sv
