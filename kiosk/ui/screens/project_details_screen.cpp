#include <algorithm>
#include <string>

#include "ballot_screen_layout.hpp"
#include "ballot_status.hpp"
#include "kiosk_style.hpp"
#include "mirrored_screen.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "view_context.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

const Picture* project_picture(const ViewContext& view, const std::string& project_id) {
    if (!view.project_pictures) return nullptr;
    const auto found = view.project_pictures->find(project_id);
    return found == view.project_pictures->end() ? nullptr : &found->second;
}

// The largest size with the picture's own shape that fits in `box`.
ImVec2 fit_picture(const Picture& picture, ImVec2 box) {
    if (picture.width <= 0 || picture.height <= 0 || box.x <= 0 || box.y <= 0) return ImVec2(0, 0);
    const float scale = std::min(box.x / picture.width, box.y / picture.height);
    return ImVec2(picture.width * scale, picture.height * scale);
}

}  // namespace

void draw_project_details_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const auto& lang = call.view.language;
    const Activity* activity = call.view.campaign.activity(call.state.activity_id);
    const int index = call.state.project_shown;
    if (!activity || index < 0 || index >= static_cast<int>(activity->budget.projects.size())) return;
    const BudgetVote& vote = activity->budget;
    const BudgetProject& p = vote.projects[static_cast<std::size_t>(index)];
    const BudgetBallot& ballot = call.state.ballot;
    const float width = std::min(a.inner_width(), 1000.0f);
    const float left = (a.width - width) / 2;

    float y = a.margin / 2;
    const float room = draw_text_size_button_top_right(call, y);
    y = std::max(y + 4 + draw_ballot_status(call, vote, y + 4, room), a.margin / 2 + text_size_button_size(fonts).y);
    y += a.portrait ? 60.0f : 32.0f;
    y += draw_wrapped_text(a.draw, fonts.display, p.name.in(lang), ImVec2(left, y), width, palette().text);
    y += 8;
    std::string facts = fill(tr("Costs {1}"), {format_money(p.cost, vote.currency)});
    if (!p.category.empty()) facts += "  |  " + p.category;
    if (!p.ward.empty()) facts += "  |  " + p.ward;
    y += draw_wrapped_text(a.draw, fonts.heading, facts, ImVec2(left, y), width, palette().text);
    y += 24;
    const std::string& about = p.description.empty() ? p.summary.in(lang) : p.description.in(lang);
    const BottomBar bar = bottom_bar(a);
    const float notice_room = line_height(fonts.small) * 2 + 40;
    const float content_bottom = bar.top - notice_room;
    float text_width = width;
    if (const Picture* picture = project_picture(call.view, p.id)) {
        // Upright: the picture above the words. Landscape: beside them, on the right.
        const ImVec2 box = a.portrait ? ImVec2(width, std::min(a.height * 0.3f, content_bottom - y - 120))
                                      : ImVec2(width * 0.42f, content_bottom - y);
        const ImVec2 shown = fit_picture(*picture, box);
        const ImVec2 at = a.portrait ? ImVec2(left + (width - shown.x) / 2, y) : ImVec2(left + width - shown.x, y);
        const int first_vertex = a.draw->VtxBuffer.Size;
        a.draw->AddImageRounded(picture->texture, at, ImVec2(at.x + shown.x, at.y + shown.y), ImVec2(0, 0),
                                ImVec2(1, 1), IM_COL32_WHITE, 12);
        keep_unflipped(a.draw, first_vertex, at.x, at.x + shown.x);
        if (a.portrait)
            y += shown.y + 24;
        else
            text_width = width - shown.x - 32;
    }
    const float text_room = content_bottom - y;
    const int lines = std::max(1, static_cast<int>(text_room / line_height(fonts.body)));
    draw_wrapped_text(a.draw, fonts.body, shorten_to_fit(fonts.body, about, text_width, lines), ImVec2(left, y),
                      text_width, palette().text);
    draw_ballot_notice(call, bar.top - 12);

    const float half = (a.inner_width() - bar.gap) / 2;
    tap(call,
        button("back", tr("Back to the projects"), ImVec2(a.margin, bar.top), ImVec2(half, bar.height)).in(fonts.body),
        {IntentKind::back});
    const ImVec2 right(a.margin + half + bar.gap, bar.top);
    if (vote.rules.type == BallotType::cumulative) {
        const float quarter = (half - bar.gap) / 2;
        tap(call,
            button("less", tr("Take a point"), right, ImVec2(quarter, bar.height))
                .enabled_if(ballot.points_for(index) > 0)
                .in(fonts.body),
            {IntentKind::remove_point, index});
        tap(call,
            button("more", tr("Give a point"), ImVec2(right.x + quarter + bar.gap, bar.top),
                   ImVec2(quarter, bar.height))
                .primary()
                .in(fonts.body),
            {IntentKind::add_point, index});
        return;
    }
    const bool chosen = ballot.has(index);
    tap(call,
        button("choose", chosen ? tr("Take it off my vote") : tr("Choose this project"), right,
               ImVec2(half, bar.height))
            .looking(chosen ? ButtonLook::secondary : ButtonLook::primary)
            .in(fonts.body),
        {IntentKind::toggle_project, index});
}

}  // namespace sv
