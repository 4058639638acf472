#pragma once
// "Previous page", "Page 2 of 3", "Next page": turning the pages of what does not fit on one
// screen (the ballot's cards, a project's description), with the page always said in words.
#include <string>

#include "imgui.h"
#include "intent.hpp"
#include "screen_layout.hpp"

namespace sv {

struct PageButtons {
    std::string previous_id, next_id;
    IntentKind turn;  // asked for with the page wanted as its value
    int page = 0;     // from 0
    int pages = 1;
};

// "Page 2 of 3", in the frame's language.
std::string page_label(int page, int pages);
// The width that holds "Page N of N" for `pages` pages at the body size, with room either side.
float page_label_width(const KioskFonts& fonts, int pages);
// The wider of "Previous page" and "Next page" at the body size, with a button's room either side.
float page_button_width(const KioskFonts& fonts);

// "Previous page" at `previous`, "Next page" at `next`, both `size`; the page centred in `label_min`-`label_max`.
void draw_page_buttons(const ScreenCall& call, const PageButtons& turn, ImVec2 previous, ImVec2 next, ImVec2 size,
                       ImVec2 label_min, ImVec2 label_max);
// The same side by side from `at`: buttons `button_width` wide, the page `label_width` wide between them.
void draw_page_row(const ScreenCall& call, const PageButtons& turn, ImVec2 at, float button_width, float label_width,
                   float height, float gap);

}  // namespace sv
