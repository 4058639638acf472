#include <algorithm>
#include <cfloat>
#include <cmath>
#include <string>
#include <vector>

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

    // One row per choice: what it is on the right (cost, rank or points), the name on the left,
    // wrapped. Where the rows do not all fit, the names go to the smaller size, then to one
    // line each; a long ballot in big letters ends its list with "and 3 more".
    const BottomBar bar = bottom_bar(a);
    std::string total;
    if (vote.rules.type == BallotType::knapsack || vote.rules.type == BallotType::approval)
        total = fill(tr("In all: {1} of the {2}"), {format_money(ballot_cost(vote, ballot), vote.currency),
                                                    format_money(vote.budget, vote.currency)});
    else if (vote.rules.type == BallotType::cumulative)
        total = fill(tr("In all: {1} of {2} points"),
                     {std::to_string(ballot_points(ballot)), std::to_string(vote.rules.points)});
    const float total_room = wrapped_text_height(fonts.heading, total, width) + 24;
    const float list_room = bar.top - 24 - total_room - y;
    const auto right_of = [&](std::size_t i) -> std::string {
        switch (vote.rules.type) {
            case BallotType::ranked: return choice_label(static_cast<int>(i) + 1);
            case BallotType::cumulative:
                return fill(tr(ballot.points[i] == 1 ? "{1} point" : "{1} points"), {std::to_string(ballot.points[i])});
            default: return format_money(vote.projects[static_cast<std::size_t>(ballot.chosen[i])].cost, vote.currency);
        }
    };
    struct Row {
        std::string name, right;
        float name_width = 0, height = 0;
    };
    const auto rows_in = [&](ImFont* font, int name_lines) {
        std::vector<Row> rows;
        for (std::size_t i = 0; i < ballot.chosen.size(); ++i) {
            Row row;
            row.right = right_of(i);
            row.name_width = width - text_width(font, row.right) - 32;
            row.name = shorten_to_fit(font, vote.projects[static_cast<std::size_t>(ballot.chosen[i])].name.in(lang),
                                      row.name_width, name_lines);
            row.height = wrapped_text_height(font, row.name, row.name_width) + font->FontSize * 0.25f;
            rows.push_back(std::move(row));
        }
        return rows;
    };
    const auto height_of = [](const std::vector<Row>& rows) {
        float sum = 0;
        for (const Row& row : rows) sum += row.height;
        return sum;
    };
    ImFont* font = fonts.small;
    std::vector<Row> rows;
    for (const auto& [candidate, lines] :
         {std::pair{fonts.body, 3}, std::pair{fonts.small, 3}, std::pair{fonts.body, 1}, std::pair{fonts.small, 1}}) {
        font = candidate;
        rows = rows_in(font, lines);
        if (height_of(rows) <= list_room) break;
    }
    const float line = line_height(font) + font->FontSize * 0.25f;
    std::size_t listed = rows.size();
    if (height_of(rows) > list_room)
        listed = std::max<std::size_t>(1, static_cast<std::size_t>(std::max(1.0f, std::floor(list_room / line))) - 1);
    for (std::size_t i = 0; i < listed; ++i) {
        const Row& row = rows[i];
        draw_wrapped_text(a.draw, font, row.name, ImVec2(left, y), row.name_width, palette().text);
        draw_text_line(a.draw, font, ImVec2(left + width - text_width(font, row.right), y), palette().text, row.right);
        y += row.height;
        a.draw->AddLine(ImVec2(left, y - 4), ImVec2(left + width, y - 4), palette().compass_grid, 1);
    }
    if (listed < ballot.chosen.size()) {
        draw_text_line(a.draw, font, ImVec2(left, y), palette().muted_text,
                       fill(tr("and {1} more"), {std::to_string(ballot.chosen.size() - listed)}));
        y += line;
    }
    y += 12;
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
