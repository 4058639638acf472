#pragma once
// A kiosk has no physical keyboard: letters, digits and a little punctuation, big keys.
#include <string>

#include "screen_layout.hpp"

namespace sv {

// Keys are named "key-a", "key-1", "key-space", "key-delete", "key-shift", and
// "key-comma", "key-period", "key-apostrophe", "key-question" for punctuation.
std::string key_target_id(char key);

// Height the keyboard takes on this screen.
float on_screen_keyboard_height(const ScreenCall& call);
// Draws the keyboard with its top-left at `top_left`; the last row ends with `done_label`.
void draw_on_screen_keyboard(const ScreenCall& call, ImVec2 top_left, float width, bool capitals,
                             const std::string& done_label);

}  // namespace sv
