#pragma once
// What one event's answers say, on the kiosk itself, for staff's end-of-day chat with the
// councillor at the stall: the Place Standard's middle ratings and the budget votes per
// project, counted from the answers file. The hub's privacy rule holds here too: under
// kSmallestGroupShown responses, only how many there are.
#include <string>
#include <vector>

#include "campaign.hpp"
#include "compass_tally.hpp"
#include "response.hpp"
#include "result.hpp"

namespace sv {

struct ProjectVotes {
    std::string name;
    std::string votes;  // ticks, points or Borda points, as text ("12", "7.5")
};

struct EventBudgetCounts {
    std::string title;
    std::string counted_as;  // what the numbers are: "How many chose each project", "Points given to each project"
    int ballots = 0;
    bool shown() const { return ballots >= kSmallestGroupShown; }
    std::vector<ProjectVotes> projects;  // most votes first
};

struct EventResults {
    std::string place_standard_title;  // empty: the campaign has no Place Standard
    // The first Place Standard activity's version: only answers on its scale are counted here
    // (a children's activity beside an adults' one is left to the hub's dashboard).
    PlaceStandardVersion place_standard_version = PlaceStandardVersion::adults;
    CompassGroup place_standard;
    std::vector<EventBudgetCounts> budgets;
};

// `of_event`: the responses saved under one event (other campaigns' are left out). `language`:
// for titles and names.
Result<EventResults> event_results(const Campaign& campaign, const std::vector<Response>& of_event,
                                   const std::string& language);

}  // namespace sv
