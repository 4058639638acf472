#pragma once
// A question over the screen ("Are you still there?", the list of languages): everything
// behind it dimmed, and a card to hold it.
#include "imgui.h"
#include "screen_layout.hpp"

namespace sv {

void draw_dialog_card(const ScreenArea& area, ImVec2 top_left, ImVec2 size);

}  // namespace sv
