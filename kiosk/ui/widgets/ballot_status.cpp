#include "ballot_status.hpp"

#include <algorithm>

#include "kiosk_style.hpp"
#include "text_layout.hpp"
#include "translated_text.hpp"

namespace sv {

namespace {

// What the status line says, and what the bar's two parts are called.
struct BallotStatus {
    std::string words, used_name, left_name;
    float used = 0;  // share of the bar filled
};

BallotStatus ballot_status(const BudgetVote& vote, const BudgetBallot& ballot) {
    switch (vote.rules.type) {
        case BallotType::knapsack: {
            const mpq_class spent = ballot_cost(vote, ballot);
            return {fill(tr("Spent {1} · Left {2}"),
                         {format_money(spent, vote.currency), format_money(vote.budget - spent, vote.currency)}),
                    tr("Spent"), tr("Left"), static_cast<float>(mpq_class(spent / vote.budget).get_d())};
        }
        case BallotType::cumulative: {
            const int given = ballot_points(ballot);
            return {fill(tr("Given {1} points · {2} left"),
                         {std::to_string(given), std::to_string(vote.rules.points - given)}),
                    tr("Given"), tr("Left"),
                    static_cast<float>(given) / static_cast<float>(std::max(1, vote.rules.points))};
        }
        case BallotType::ranked:
        case BallotType::approval: break;
    }
    const int chosen = static_cast<int>(ballot.chosen.size());
    return {fill(tr("{1} of {2} chosen"), {std::to_string(chosen), std::to_string(vote.max_choices())}), tr("Chosen"),
            tr("Left"), static_cast<float>(chosen) / static_cast<float>(std::max(1, vote.max_choices()))};
}

}  // namespace

std::string ballot_status_words(const BudgetVote& vote, const BudgetBallot& ballot) {
    return ballot_status(vote, ballot).words;
}

float ballot_status_height(const ScreenCall& call, const BudgetVote& vote, float width, ImFont* font) {
    const BallotStatus status = ballot_status(vote, call.state.ballot);
    return wrapped_text_height(font, status.words, width) + 6 + one_line_height(call.view.fonts.compass) + 6;
}

float draw_ballot_status(const ScreenCall& call, const BudgetVote& vote, float y, float width, ImFont* font) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const BallotStatus status = ballot_status(vote, call.state.ballot);
    const float used = draw_wrapped_text(a.draw, font, status.words, ImVec2(a.margin, y), width, palette().text);
    // The bar names its two parts inside them, where they have room, so it is read, not guessed;
    // the words above say the amounts at the screen's text size, so these stay small and the bar slim.
    const float bar_y = y + used + 6, bar_height = one_line_height(fonts.compass) + 6;
    const ImVec2 min(a.margin, bar_y), max(a.margin + width, bar_y + bar_height);
    const float split = min.x + width * std::clamp(status.used, 0.0f, 1.0f), pad = 12;
    a.draw->AddRectFilled(min, max, palette().surface, bar_height / 2);
    if (split > min.x) a.draw->AddRectFilled(min, ImVec2(split, max.y), palette().primary, bar_height / 2);
    a.draw->AddRect(min, max, palette().outline, bar_height / 2, 0, 2);
    const float label_y = bar_y + 3;
    const float used_label = text_width(fonts.compass, status.used_name);
    if (split - min.x >= used_label + 2 * pad)
        draw_text_line(a.draw, fonts.compass, ImVec2(min.x + pad, label_y), palette().on_primary, status.used_name);
    const float left_label = text_width(fonts.compass, status.left_name);
    if (max.x - split >= left_label + 2 * pad)
        draw_text_line(a.draw, fonts.compass, ImVec2(max.x - pad - left_label, label_y), palette().text,
                       status.left_name);
    return used + 6 + bar_height;
}

}  // namespace sv
