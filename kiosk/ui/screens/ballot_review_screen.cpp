#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>

#include "ballot_screen_layout.hpp"
#include "kiosk_style.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "viewing_buttons.hpp"

namespace sv {

void draw_ballot_review_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const auto& lang = call.view.language;
    const Activity* activity = call.view.campaign.activity(call.state.activity_id);
    if (!activity) return;
    const BudgetVote& vote = activity->budget;
    const BudgetBallot& ballot = call.state.ballot;
    const float width = std::min(a.inner_width(), 1000.0f);
    const float left = (a.width - width) / 2;

    float y = a.margin / 2;
    const float room = draw_text_size_button_top_right(call, y);
    // Beside the corner button, or under it when that would squeeze the heading.
    const std::string title = tr("Check your vote");
    const bool beside = reads_well_in(fonts.display, title, a.margin + room - left);
    if (!beside) y = a.margin / 2 + text_size_button_size(fonts).y + 8;
    y += draw_wrapped_text(a.draw, fonts.display, title, ImVec2(left, y + 4), beside ? a.margin + room - left : width,
                           palette().text);
    y = std::max(y + 4, a.margin / 2 + text_size_button_size(fonts).y);
    y += 8;
    y += draw_wrapped_text(a.draw, fonts.body, tr("If this is right, send it. You cannot change it afterwards."),
                           ImVec2(left, y), width, palette().text);
    y += 24;

    // One line per choice: what it is on the right (cost, rank or points), the name on the left.
    const BottomBar bar = bottom_bar(a);
    const float total_room = line_height(fonts.heading) + 24;
    const float list_room = bar.top - 24 - total_room - y;
    ImFont* font = fonts.body;
    if (static_cast<float>(ballot.chosen.size()) * (line_height(font) + font->FontSize * 0.1f) > list_room)
        font = fonts.small;
    const float line = line_height(font) + font->FontSize * 0.1f;
    // A long ballot in big letters ends its list with "and 3 more" rather than run under the buttons.
    const auto fit = static_cast<std::size_t>(std::max(1.0f, std::floor(list_room / line)));
    const std::size_t listed = ballot.chosen.size() <= fit ? ballot.chosen.size() : std::max<std::size_t>(1, fit - 1);
    for (std::size_t i = 0; i < listed; ++i) {
        const BudgetProject& p = vote.projects[static_cast<std::size_t>(ballot.chosen[i])];
        std::string right;
        switch (vote.rules.type) {
            case BallotType::ranked: right = choice_label(static_cast<int>(i) + 1); break;
            case BallotType::cumulative:
                right =
                    fill(tr(ballot.points[i] == 1 ? "{1} point" : "{1} points"), {std::to_string(ballot.points[i])});
                break;
            default: right = format_money(p.cost, vote.currency);
        }
        const float right_width = text_width(font, right);
        const std::string name = shorten_to_fit(font, p.name.in(lang), width - right_width - 32, 1);
        draw_text_line(a.draw, font, ImVec2(left, y), palette().text, name);
        draw_text_line(a.draw, font, ImVec2(left + width - right_width, y), palette().text, right);
        y += line;
        a.draw->AddLine(ImVec2(left, y - 4), ImVec2(left + width, y - 4), palette().compass_grid, 1);
    }
    if (listed < ballot.chosen.size()) {
        draw_text_line(a.draw, font, ImVec2(left, y), palette().muted_text,
                       fill(tr("and {1} more"), {std::to_string(ballot.chosen.size() - listed)}));
        y += line;
    }
    y += 12;
    std::string total;
    if (vote.rules.type == BallotType::knapsack || vote.rules.type == BallotType::approval)
        total = fill(tr("In all: {1} of the {2}"), {format_money(ballot_cost(vote, ballot), vote.currency),
                                                    format_money(vote.budget, vote.currency)});
    else if (vote.rules.type == BallotType::cumulative)
        total = fill(tr("In all: {1} of {2} points"),
                     {std::to_string(ballot_points(ballot)), std::to_string(vote.rules.points)});
    if (!total.empty()) draw_wrapped_text(a.draw, fonts.heading, total, ImVec2(left, y), width, palette().text);

    const float half = (a.inner_width() - bar.gap) / 2;
    tap(call,
        button("back", tr("Change my choices"), ImVec2(a.margin, bar.top), ImVec2(half, bar.height)).in(fonts.body),
        {IntentKind::back});
    tap(call,
        button("send", tr("Send my vote"), ImVec2(a.margin + half + bar.gap, bar.top), ImVec2(half, bar.height))
            .primary()
            .in(text_width(fonts.heading, tr("Send my vote")) + 32 <= half ? fonts.heading : fonts.body),
        {IntentKind::send_ballot});
}

}  // namespace sv
