#pragma once
// A kiosk has no physical keyboard: big keys, the letters of the screen's language, and a
// page of digits and punctuation behind the "123" key.
#include <string>

#include "keyboard_layout.hpp"
#include "screen_layout.hpp"

namespace sv {

// Height the keyboard takes on this screen: the same on each of its pages.
float on_screen_keyboard_height(const ScreenCall& call, KeyboardUse use);
// Draws the keyboard with its top-left at `top_left`; the last row ends with `done_label`.
// Capitals and the page shown come from the state.
void draw_on_screen_keyboard(const ScreenCall& call, ImVec2 top_left, float width, KeyboardUse use,
                             const std::string& done_label);

}  // namespace sv
