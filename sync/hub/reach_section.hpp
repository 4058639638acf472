#pragma once
// Who we reached: the optional "about you" answers beside who lives in the area.
#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

// Nothing when the campaign asked no "about you" questions.
Html reach_section(const CampaignResults& results);

}  // namespace sv
