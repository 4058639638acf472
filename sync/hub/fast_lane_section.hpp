#pragma once
// The fast lane's results on the dashboard: each quick poll's answers with their share and a
// bar, and each today/wanted pair's medians and the gap, for everyone, by ward and by event.
#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

Html quick_poll_section(const QuickPollResults& poll);
Html scale_pair_section(const ScalePairResults& pair);

}  // namespace sv
