#pragma once
// Who took part, where and when: figures, events, responses by hour, and each kiosk's delays.
#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

Html participation_section(const Participation& p);

}  // namespace sv
