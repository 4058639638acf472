#pragma once
// The citizen's "Bigger text" button: the same size and look on every screen, each screen
// placing it where it has room (its top right corner, by habit).
#include "imgui.h"
#include "kiosk_style.hpp"
#include "screen_layout.hpp"

namespace sv {

ImVec2 text_size_button_size(const KioskFonts& fonts);
// Draws it with its top left at `at`; a touch moves to the next text size.
void draw_text_size_button(const ScreenCall& call, ImVec2 at);
// Draws it in the screen's top right corner and returns the room left beside it on that row.
float draw_text_size_button_top_right(const ScreenCall& call, float top);

}  // namespace sv
