#pragma once
// A share as a report quotes it ("42%") and as a bar beside it (SVG, no scripts).
#include <string>

#include "html.hpp"

namespace sv {

// Whole percents; 0% of nothing.
std::string percent(int part, int whole);
Html share_bar(int part, int whole);

}  // namespace sv
