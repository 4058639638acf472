#pragma once
// The row at the top right of a screen that asks a question: text size, "Read aloud" left of
// it and "Language" left of that.
#include "screen_layout.hpp"

namespace sv {

// Draws the row; returns the room left beside it.
float draw_question_buttons_top_right(const ScreenCall& call, float top);
// The row's width, for screens that plan before drawing.
float question_buttons_width(const ScreenCall& call);

}  // namespace sv
