#pragma once
// A grid of big answer buttons (quick polls, "about you"): columns as the screen allows,
// each button emitting `kind` with its index.
#include <string>
#include <vector>

#include "screen_layout.hpp"

namespace sv {

struct ChoiceGrid {
    std::string id_prefix;  // buttons are "<prefix>0", "<prefix>1", ...
    std::vector<std::string> labels;
    int selected = -1;
    IntentKind kind = IntentKind::poll_answer;
    int columns = 1;
    float button_height = 104;
};

// Draws from `top` across the screen's inner width; returns the y below the grid.
float draw_choice_grid(const ScreenCall& call, const ChoiceGrid& grid, float top);

}  // namespace sv
