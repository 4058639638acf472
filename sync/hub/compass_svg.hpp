#pragma once
// The Place Standard compass as an SVG picture for the dashboard: 14 spokes, rings for the
// ratings 1 (centre) to 7 (edge, or 3 for children), the median of each theme joined up, and a band from the
// lower to the upper quartile so the spread of opinion shows at a glance.
#include <string>

#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

// `radius`: pixels from the centre to the top of the version's scale (7, or 3 for children).
// With labels, the themes' short names in the version's words sit round the edge (the picture
// is then wider than it is tall); without, each spoke's theme number (1 to 14, in the
// published order, as the tables number them).
Html compass_svg(const CompassGroup& group, PlaceStandardVersion version, int radius, bool with_labels);

}  // namespace sv
