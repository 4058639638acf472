#pragma once
// Who took part, where and when: figures, events, responses by hour, and each kiosk's delays.
#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

Html participation_section(const Participation& p);
// "Answers given 2 Nov 2026 to 28 Nov 2026" ("on 2 Nov 2026" for one day).
Html answer_dates(const Participation& p);
// Each event: where, which ward, when it started and how many responses it gathered.
Html events_table(const std::vector<EventParticipation>& events);

}  // namespace sv
