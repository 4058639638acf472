#pragma once
// The line every budget-vote screen shows under its heading: money spent and left on a
// labelled bar (knapsack), choices made (approval, ranked) or points given (cumulative).
#include <string>

#include "screen_layout.hpp"

namespace sv {

// What the status says ("Spent £40,400 · Left £9,600"), in the frame's language.
std::string ballot_status_words(const BudgetVote& vote, const BudgetBallot& ballot);
// Draws the status at `y`, `width` wide from the left margin; returns the height used.
// `font`: the words' size, the heading's unless the screen needs the room.
float draw_ballot_status(const ScreenCall& call, const BudgetVote& vote, float y, float width, ImFont* font);
// The height draw_ballot_status would use.
float ballot_status_height(const ScreenCall& call, const BudgetVote& vote, float width, ImFont* font);

}  // namespace sv
