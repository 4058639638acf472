#pragma once
// The line every budget-vote screen shows under its heading: money left with a bar
// (knapsack), choices made (approval, ranked) or points left (cumulative).
#include "screen_layout.hpp"

namespace sv {

// Draws the status at `y`, `width` wide from the left margin; returns the height used.
float draw_ballot_status(const ScreenCall& call, const BudgetVote& vote, float y, float width);

// The plain message saying why the last touch did nothing, in a box ending at `bottom`.
void draw_ballot_notice(const ScreenCall& call, float bottom);

}  // namespace sv
