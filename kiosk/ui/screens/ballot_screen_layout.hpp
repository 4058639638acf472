#pragma once
// Shared measures of the budget-vote screens, so the cards, details and review pages line up.
#include <string>

#include "kiosk_style.hpp"
#include "screen_layout.hpp"

namespace sv {

struct BottomBar {
    float top = 0, height = 100, gap = 20;
};

inline BottomBar bottom_bar(const ScreenArea& area) {
    BottomBar bar;
    bar.top = area.height - area.margin / 2 - bar.height - 8;
    return bar;
}

std::string rank_name(int rank);     // "1st", "2nd", "23rd"
std::string choice_label(int rank);  // "1st choice", in the frame's language

}  // namespace sv
