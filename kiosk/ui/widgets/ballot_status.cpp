#include "ballot_status.hpp"

#include <algorithm>

#include "kiosk_style.hpp"
#include "text_layout.hpp"
#include "translated_text.hpp"

namespace sv {

float draw_ballot_status(const ScreenCall& call, const BudgetVote& vote, float y, float width) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const BudgetBallot& ballot = call.state.ballot;
    std::string status;
    float filled = -1;  // share of the bar, when there is a bar
    switch (vote.rules.type) {
        case BallotType::knapsack: {
            const mpq_class left = vote.budget - ballot_cost(vote, ballot);
            status = fill(tr("{1} of {2} left"),
                          {format_money(left, vote.currency), format_money(vote.budget, vote.currency)});
            filled = static_cast<float>(mpq_class(ballot_cost(vote, ballot) / vote.budget).get_d());
            break;
        }
        case BallotType::cumulative: {
            const int left = vote.rules.points - ballot_points(ballot);
            status = fill(tr("{1} of {2} points left"), {std::to_string(left), std::to_string(vote.rules.points)});
            filled = static_cast<float>(ballot_points(ballot)) / static_cast<float>(std::max(1, vote.rules.points));
            break;
        }
        case BallotType::ranked:
        case BallotType::approval:
            status = fill(tr("{1} of {2} chosen"),
                          {std::to_string(ballot.chosen.size()), std::to_string(vote.max_choices())});
            filled = static_cast<float>(ballot.chosen.size()) / static_cast<float>(std::max(1, vote.max_choices()));
            break;
    }
    const float used = draw_wrapped_text(a.draw, fonts.heading, status, ImVec2(a.margin, y), width, palette().text);
    // The bar shows what is spent, so the words carry the meaning and the bar only helps.
    const float bar_y = y + used + 6;
    const ImVec2 min(a.margin, bar_y), max(a.margin + width, bar_y + 22);
    a.draw->AddRectFilled(min, max, palette().surface, 11);
    if (filled > 0)
        a.draw->AddRectFilled(min, ImVec2(a.margin + (max.x - min.x) * std::min(1.0f, filled), max.y),
                              palette().primary, 11);
    a.draw->AddRect(min, max, palette().outline, 11, 0, 2);
    return used + 6 + 22;
}

void draw_ballot_notice(const ScreenCall& call, float bottom) {
    const std::string notice = tr(call.state.notice);
    if (notice.empty()) return;
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float pad = 14;
    const float width = a.inner_width();
    const std::string shown = shorten_to_fit(fonts.small, notice, width - 2 * pad, 2);
    const float height = wrapped_text_height(fonts.small, shown, width - 2 * pad) + 2 * pad;
    const ImVec2 min(a.margin, bottom - height), max(a.margin + width, bottom);
    a.draw->AddRectFilled(min, max, palette().warning_fill, 10);
    a.draw->AddRect(min, max, palette().warning_edge, 10, 0, 3);
    draw_wrapped_text(a.draw, fonts.small, shown, ImVec2(min.x + pad, min.y + pad), width - 2 * pad, palette().text);
}

}  // namespace sv
