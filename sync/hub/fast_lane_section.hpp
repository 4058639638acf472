#pragma once
// The fast lane's results on the dashboard: each quick poll's answers with their share and a
// bar, and each today/wanted pair's medians and the gap, for everyone, by ward and by event.
#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

Html quick_poll_section(const QuickPollResults& poll);
Html scale_pair_section(const ScalePairResults& pair);
// One group's answers to a poll, each with its share and a bar (the group must be shown).
Html poll_answers_table(const QuickPollResults& poll, const PollGroup& group);
// "Today 3, wanted 6: a gap of 3 (medians)." for one group.
Html scale_pair_headline(const ScalePairGroup& group);

}  // namespace sv
