#pragma once
// A Place Standard activity's results: the compass of everyone, the themes rated lowest, small
// compasses by ward and by event, and the comments by theme.
#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

Html place_standard_section(const PlaceStandardResults& ps);
// Which version of the tool was asked, and what its numbers mean, in a sentence.
const char* place_standard_scale_sentence(PlaceStandardVersion version);
// One group's headlines (lowest and highest themes), compass and table: everyone's on the
// campaign's page, a ward's in its report.
Html place_standard_summary(const PlaceStandardResults& ps, const CompassGroup& group);
// The comments by theme, newest first: every one, or (`ward` given) those from that ward's
// events. Nothing but a note when `group`, who gave them, is too small to show.
Html theme_comments(const PlaceStandardResults& ps, const std::string* ward, const CompassGroup& group);

}  // namespace sv
