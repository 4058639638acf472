#include <algorithm>
#include <cfloat>
#include <string>

#include "ballot_screen_layout.hpp"
#include "ballot_status.hpp"
#include "kiosk_style.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

// The control at the right of a card: choose/chosen, the rank, or points with - and +.
void draw_card_action(const ScreenCall& call, const BudgetVote& vote, int project, ImVec2 at, ImVec2 size) {
    const auto& fonts = call.view.fonts;
    const BudgetBallot& ballot = call.state.ballot;
    const std::string& id = vote.projects[static_cast<std::size_t>(project)].id;
    if (vote.rules.type == BallotType::cumulative) {
        const float step_width = 66;
        tap(call,
            button("less-" + id, "-", at, ImVec2(step_width, size.y))
                .enabled_if(ballot.points_for(project) > 0)
                .in(fonts.display),
            {IntentKind::remove_point, project});
        tap(call,
            button("more-" + id, "+", ImVec2(at.x + size.x - step_width, at.y), ImVec2(step_width, size.y))
                .in(fonts.display),
            {IntentKind::add_point, project});
        draw_centred_text(call.area.draw, fonts.heading, std::to_string(ballot.points_for(project)),
                          ImVec2(at.x + step_width, at.y), ImVec2(at.x + size.x - step_width, at.y + size.y),
                          palette().text);
        return;
    }
    const bool chosen = ballot.has(project);
    std::string label = chosen ? tr("Chosen") : tr("Choose");
    if (vote.rules.type == BallotType::ranked) {
        const auto rank = std::find(ballot.chosen.begin(), ballot.chosen.end(), project) - ballot.chosen.begin();
        label = chosen ? choice_label(static_cast<int>(rank) + 1) : tr("Pick");
    }
    tap(call, button("choose-" + id, label, at, size).selected_if(chosen).in(fonts.body),
        {IntentKind::toggle_project, project});
}

void draw_card(const ScreenCall& call, const BudgetVote& vote, int project, ImVec2 at, ImVec2 size) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const BudgetProject& p = vote.projects[static_cast<std::size_t>(project)];
    const auto& lang = call.view.language;
    const float action_width = 190, gap = 14, pad = 14;
    const float text_box = size.x - action_width - gap;

    // The card itself is the way to the details page.
    tap(call, button("details-" + p.id, "", at, ImVec2(text_box, size.y)).in(fonts.body),
        {IntentKind::show_project, project});
    draw_card_action(call, vote, project, ImVec2(at.x + text_box + gap, at.y), ImVec2(action_width, size.y));

    const std::string cost = format_money(p.cost, vote.currency);
    const float words_width = text_box - 2 * pad;
    const float cost_width = text_width(fonts.body, cost);
    const bool cost_beside = !a.portrait;
    float y = at.y + pad;
    const float name_width = cost_beside ? words_width - cost_width - 24 : words_width;
    const int name_lines = a.portrait ? 2 : 1;
    const std::string name = shorten_to_fit(fonts.body, p.name.in(lang), name_width, name_lines);
    const float name_height =
        draw_wrapped_text(a.draw, fonts.body, name, ImVec2(at.x + pad, y), name_width, palette().text);
    if (cost_beside) {
        draw_text_line(a.draw, fonts.body, ImVec2(at.x + pad + words_width - cost_width, y), palette().text, cost);
        y += name_height;
    } else {
        y += name_height;
        draw_text_line(a.draw, fonts.small, ImVec2(at.x + pad, y), palette().text, cost);
        y += line_height(fonts.small);
    }
    const float summary_line = line_height(fonts.small);
    const int summary_lines = std::max(1, static_cast<int>((at.y + size.y - pad + 4 - y) / summary_line));
    const std::string summary = shorten_to_fit(fonts.small, p.summary.in(lang), words_width, summary_lines);
    draw_wrapped_text(a.draw, fonts.small, summary, ImVec2(at.x + pad, y), words_width, palette().muted_text);
}

}  // namespace

std::string rank_name(int rank) {
    const int last_two = rank % 100, last = rank % 10;
    const char* suffix = (last_two >= 11 && last_two <= 13) ? "th"
                         : last == 1                        ? "st"
                         : last == 2                        ? "nd"
                         : last == 3                        ? "rd"
                                                            : "th";
    return std::to_string(rank) + suffix;
}

std::string choice_label(int rank) {
    return fill(tr("{1} choice"), {tr(rank_name(rank))});
}

namespace {

// A card needs its name and at least one line of its summary (whose line spacing is room
// enough at the bottom); upright cards give the name two lines and put the cost under it.
float smallest_card(const ScreenArea& area, const KioskFonts& fonts) {
    const float pad = 14;
    return area.portrait ? pad + 2 * line_height(fonts.body) + 2 * line_height(fonts.small)
                         : pad + line_height(fonts.body) + line_height(fonts.small);
}

}  // namespace

int projects_per_page(const ScreenArea& area, const KioskFonts& fonts, float room) {
    // Bigger text means fewer cards.
    const float gap = 12;
    const int fit = static_cast<int>((room + gap) / (smallest_card(area, fonts) + gap));
    return std::clamp(fit, 1, area.portrait ? 5 : 4);
}

void draw_ballot_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const Activity* activity = call.view.campaign.activity(call.state.activity_id);
    if (!activity) return;
    const BudgetVote& vote = activity->budget;
    const int count = static_cast<int>(vote.projects.size());

    float y = a.margin / 2;
    const float room = draw_text_size_button_top_right(call, y);
    y += draw_wrapped_text(a.draw, fonts.heading, tr(ballot_instruction(vote)), ImVec2(a.margin, y + 4), room,
                           palette().text);
    y = std::max(y + 4, a.margin / 2 + text_size_button_size(fonts).y) + 8;
    y += draw_ballot_status(call, vote, y, a.inner_width());
    y += 12;

    const BottomBar bar = bottom_bar(a);
    // Upright with big text, four buttons do not fit in a row: paging goes on a row of its own.
    const bool paging_row = a.portrait && fonts.scale > 1;
    const float buttons_top = paging_row ? bar.top - bar.height - bar.gap : bar.top;
    // A refusal gets the lines it needs, up to two (one is kept free for it in landscape).
    const int notice_lines =
        a.portrait
            ? 2
            : std::clamp(
                  static_cast<int>(wrapped_text_height(fonts.small, tr(call.state.notice), a.inner_width() - 28) /
                                       line_height(fonts.small) +
                                   0.5f),
                  1, 2);
    const float notice_room = line_height(fonts.small) * static_cast<float>(notice_lines) + 28;
    const float cards_bottom = buttons_top - 12 - notice_room - 10;
    const int per_page = projects_per_page(a, fonts, cards_bottom - y);
    const int pages = (count + per_page - 1) / per_page;
    const int page = std::min(call.state.ballot_page, pages - 1);
    const float gap = 12;
    const float card_height =
        std::min(std::max(170.0f, smallest_card(a, fonts)),
                 (cards_bottom - y - gap * static_cast<float>(per_page - 1)) / static_cast<float>(per_page));
    for (int i = 0; i < per_page; ++i) {
        const int project = page * per_page + i;
        if (project >= count) break;
        draw_card(call, vote, project, ImVec2(a.margin, y), ImVec2(a.inner_width(), card_height));
        y += card_height + gap;
    }
    draw_ballot_notice(call, buttons_top - 12);

    // Back | Previous | More projects | Review my vote; or Previous | More above Back | Review.
    const float unit = (a.inner_width() - 3 * bar.gap) / 10;
    const float half = (a.inner_width() - bar.gap) / 2;
    tap(call,
        button("back", tr("Back"), ImVec2(a.margin, bar.top), ImVec2(paging_row ? half : unit * 2, bar.height))
            .in(fonts.body),
        {IntentKind::back});
    if (pages > 1) {
        const ImVec2 previous_at =
            paging_row ? ImVec2(a.margin, buttons_top) : ImVec2(a.margin + unit * 2 + bar.gap, bar.top);
        const ImVec2 previous_size(paging_row ? half : unit * 2.4f, bar.height);
        const std::string more_label = fill(tr("More ({1} of {2})"), {std::to_string(page + 1), std::to_string(pages)});
        tap(call,
            button("previous-page", tr("Previous"), previous_at, previous_size).enabled_if(page > 0).in(fonts.body),
            {IntentKind::show_page, page - 1});
        tap(call,
            button("next-page", more_label, ImVec2(previous_at.x + previous_size.x + bar.gap, previous_at.y),
                   ImVec2(paging_row ? half : unit * 2.6f, bar.height))
                .enabled_if(page + 1 < pages)
                .in(fonts.body),
            {IntentKind::show_page, page + 1});
    }
    const float review_width = paging_row ? half : unit * 3;
    tap(call,
        button("review", tr("Review my vote"), ImVec2(a.width - a.margin - review_width, bar.top),
               ImVec2(review_width, bar.height))
            .primary()
            .in(fonts.body),
        {IntentKind::review_ballot});
}

}  // namespace sv
