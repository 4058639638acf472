#pragma once
// A Place Standard activity's results: the compass of everyone, the themes rated lowest, small
// compasses by ward and by event, and the comments by theme.
#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

Html place_standard_section(const PlaceStandardResults& ps);

}  // namespace sv
