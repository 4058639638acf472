#pragma once
// The citizen's own viewing choices: "Bigger text" on every screen (each screen places it
// where it has room, its top right corner by habit) and "High contrast" on the welcome screen.
// Both buttons have one size, so they line up.
#include "imgui.h"
#include "kiosk_style.hpp"
#include "screen_layout.hpp"

namespace sv {

ImVec2 text_size_button_size(const KioskFonts& fonts);
// Draws it with its top left at `at`; a touch moves to the next text size.
void draw_text_size_button(const ScreenCall& call, ImVec2 at);
// Draws it in the screen's top right corner and returns the room left beside it on that row.
float draw_text_size_button_top_right(const ScreenCall& call, float top);
// "High contrast" / "Normal colours", the same size as the text size button.
void draw_contrast_button(const ScreenCall& call, ImVec2 at);

}  // namespace sv
