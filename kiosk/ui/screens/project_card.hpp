#pragma once
// One budget project on the ballot: its picture, name, cost and summary, a mark saying the
// card opens its details, and the control to choose it (or give it points).
#include "imgui.h"
#include "screen_layout.hpp"

namespace sv {

// The measures of one card's parts, which depend on the screen and the text size only.
struct CardMeasures {
    float pad = 14, action_width = 190, action_gap = 14;
    float text_box = 0;           // the details button: everything left of the action
    float thumbnail = 0;          // width of a project's picture, 0 where pictures would squeeze the words
    ImVec2 more{0, 0};            // the "More about this project" mark
    bool cost_beside = false;     // the cost at the right of the name (landscape), or over the action
    int name_lines = 2;           // names wrap to this many lines before they are shortened
    ImFont* name_font = nullptr;  // the name's size: reading size, or small on compact cards
    ImFont* more_font = nullptr;  // the mark's: small, or the smallest on compact cards
};

// The measures of cards `width` wide (the action included), the widest cost among them `widest_cost`
// wide at the body font. `compact`: the name and the mark a size smaller, for a screen where the
// usual sizes leave one card a page (very large text in Urdu).
CardMeasures card_measures(float width, bool portrait, const KioskFonts& fonts, float widest_cost, bool compact);
// The height a card needs to show its name in full (up to its lines), cost and the mark.
float card_needs(const CardMeasures& m, const KioskFonts& fonts, const BudgetVote& vote, const BudgetProject& p,
                 const ViewContext& view);
void draw_project_card(const ScreenCall& call, const CardMeasures& m, const BudgetVote& vote, int project, ImVec2 at,
                       ImVec2 size);

}  // namespace sv
