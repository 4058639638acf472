#include <algorithm>
#include <string>
#include <vector>

#include "ballot_screen_layout.hpp"
#include "ballot_status.hpp"
#include "kiosk_style.hpp"
#include "page_buttons.hpp"
#include "project_picture.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "view_context.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

constexpr float kTurnHeight = 80, kTurnGap = 16;  // the row turning a long description's pages

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
    // Beside the corner button, or under it where beside it would squeeze the words.
    if (reads_well_in(fonts.heading, ballot_status_words(vote, ballot), room))
        y = std::max(y + 4 + draw_ballot_status(call, vote, y + 4, room, fonts.heading),
                     a.margin / 2 + text_size_button_size(fonts).y);
    else
        y = a.margin / 2 + text_size_button_size(fonts).y + 8 +
            draw_ballot_status(call, vote, a.margin / 2 + text_size_button_size(fonts).y + 8, a.inner_width(),
                               fonts.heading);
    y += a.portrait ? 48.0f : 24.0f;
    const BottomBar bar = bottom_bar(a);
    const float content_bottom = bar.top - 24;
    const Picture* picture = project_picture(call.view, p.id);
    // On its side the picture takes the right of the page, top to bottom, and the words the
    // left; upright it goes between the facts and the description.
    float text_width = width;
    if (picture && !a.portrait) {
        const ImVec2 box(width * 0.4f, content_bottom - y);
        const ImVec2 shown = draw_whole_picture(a.draw, *picture, ImVec2(left + width - box.x, y), box, true);
        text_width = width - shown.x - 32;
    }
    // The name and facts take no more than a share of the page, so the description keeps room.
    const std::string name = p.name.in(lang);
    y += draw_wrapped_text(a.draw, font_that_fits(fonts.display, name, text_width, a.height * 0.18f), name,
                           ImVec2(left, y), text_width, palette().text);
    y += 8;
    std::string facts = fill(tr("Costs {1}"), {format_money(p.cost, vote.currency)});
    if (!p.category.empty()) facts += "  |  " + p.category;
    if (!p.ward.empty()) facts += "  |  " + p.ward;
    y += draw_wrapped_text(a.draw, font_that_fits(fonts.heading, facts, text_width, a.height * 0.1f), facts,
                           ImVec2(left, y), text_width, palette().text);
    y += 24;
    const std::string& about = p.description.empty() ? p.summary.in(lang) : p.description.in(lang);
    // Lines of the description measured in its own script: a campaign may give it in English only,
    // shown on an Urdu screen, whose lines stand twice as tall.
    const std::string first_line = about.substr(0, about.find('\n'));
    const float line = first_line.empty() ? line_height(fonts.body) : wrapped_text_height(fonts.body, first_line, 1e6f);
    // Upright, the picture gives way to three lines of the description and the row that turns its pages.
    const float kept_for_words = 3 * line + kTurnHeight + kTurnGap;
    if (picture && a.portrait && content_bottom - y - kept_for_words >= 120) {
        const ImVec2 box(width, std::min(a.height * 0.3f, content_bottom - y - kept_for_words));
        y += draw_whole_picture(a.draw, *picture, ImVec2(left, y), box, false).y + 24;
    }
    // A description longer than the room is read a page at a time, the page said in words.
    auto lines_in = [&](float height) { return std::max(1, static_cast<int>(height / line)); };
    std::vector<std::string> pages = text_pages(fonts.body, about, text_width, lines_in(content_bottom - y));
    if (pages.size() > 1)
        pages = text_pages(fonts.body, about, text_width, lines_in(content_bottom - kTurnHeight - kTurnGap - y));
    const int page = std::clamp(call.state.details_page, 0, static_cast<int>(pages.size()) - 1);
    draw_wrapped_text(a.draw, fonts.body, pages[static_cast<std::size_t>(page)], ImVec2(left, y), text_width,
                      palette().text);
    if (pages.size() > 1) {
        const PageButtons turn{"details-previous-page", "details-next-page", IntentKind::show_details_page, page,
                               static_cast<int>(pages.size())};
        const float label = std::min(page_label_width(fonts, turn.pages), text_width * 0.4f);
        draw_page_row(call, turn, ImVec2(left, content_bottom - kTurnHeight), (text_width - label - 2 * bar.gap) / 2,
                      label, kTurnHeight, bar.gap);
    }

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
