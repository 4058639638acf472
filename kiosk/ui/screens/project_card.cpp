#include "project_card.hpp"

#include <algorithm>
#include <string>

#include "ballot_screen_layout.hpp"
#include "kiosk_style.hpp"
#include "project_picture.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"

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

std::string more_label() {
    return tr("More about this project");
}

}  // namespace

CardMeasures card_measures(float width, bool portrait, const KioskFonts& fonts, float widest_cost, bool compact) {
    CardMeasures m;
    m.name_font = compact ? fonts.small : fonts.body;
    m.more_font = compact ? fonts.compass : fonts.small;
    m.text_box = width - m.action_width - m.action_gap;
    m.cost_beside = !portrait;
    m.name_lines = portrait ? 3 : 2;
    const float words = m.text_box - 2 * m.pad;
    const float more_width = std::min(text_width(m.more_font, more_label()) + 32, words);
    m.more = ImVec2(more_width, wrapped_text_height(m.more_font, more_label(), more_width - 32) + 10);
    // A picture only where the words beside it keep a column of a few words (the name's, beside
    // the cost on its side) and the mark fits.
    const float thumbnail = portrait ? 110 : 150;
    const float left_for_words = words - thumbnail - m.pad;
    const float name_column = m.cost_beside ? left_for_words - widest_cost - 24 : left_for_words;
    if (left_for_words >= m.more.x && name_column >= kNarrowestColumnEms * fonts.body->FontSize)
        m.thumbnail = thumbnail;
    return m;
}

namespace {

float words_width(const CardMeasures& m, bool has_picture) {
    return m.text_box - 2 * m.pad - (has_picture ? m.thumbnail + m.pad : 0);
}

// The name's column: the words' width, less the cost beside it on its side.
float name_width(const CardMeasures& m, const KioskFonts& fonts, const std::string& cost, float width) {
    return m.cost_beside ? width - text_width(fonts.body, cost) - 24 : width;
}

}  // namespace

float card_needs(const CardMeasures& m, const KioskFonts& fonts, const BudgetVote& vote, const BudgetProject& p,
                 const ViewContext& view) {
    const float width = words_width(m, m.thumbnail > 0 && project_picture(view, p.id));
    const std::string cost = format_money(p.cost, vote.currency);
    // The name as it will be drawn: wrapped to the card's lines, shortened only past them.
    const float column = name_width(m, fonts, cost, width);
    const std::string name = shorten_to_fit(m.name_font, p.name.in(view.language), column, m.name_lines);
    const float name_height = wrapped_text_height(m.name_font, name, column);
    const float words = m.pad + name_height + m.more.y + m.pad;
    // Upright, the cost sits over the action, which stays a big target under it.
    return m.cost_beside ? words : std::max(words, line_height(fonts.body) + 6 + 72);
}

namespace {

void draw_more_mark(const ScreenCall& call, const CardMeasures& m, ImVec2 at) {
    const ImVec2 max(at.x + m.more.x, at.y + m.more.y);
    call.area.draw->AddRect(at, max, palette().primary, m.more.y / 2, 0, 2);
    draw_wrapped_text(call.area.draw, m.more_font, more_label(), ImVec2(at.x + 16, at.y + 5), m.more.x - 32,
                      palette().primary, Align::centre);
}

}  // namespace

void draw_project_card(const ScreenCall& call, const CardMeasures& m, const BudgetVote& vote, int project, ImVec2 at,
                       ImVec2 size) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const BudgetProject& p = vote.projects[static_cast<std::size_t>(project)];
    const auto& lang = call.view.language;

    // The card itself is the way to the details page; the mark on it says so.
    tap(call, button("details-" + p.id, "", at, ImVec2(m.text_box, size.y)).in(fonts.body),
        {IntentKind::show_project, project});
    const std::string cost = format_money(p.cost, vote.currency);
    const ImVec2 action_at(at.x + m.text_box + m.action_gap, at.y);
    if (m.cost_beside) {
        draw_card_action(call, vote, project, action_at, ImVec2(m.action_width, size.y));
    } else {
        const float cost_height = line_height(fonts.body);
        draw_centred_text(a.draw, fonts.body, cost, action_at,
                          ImVec2(action_at.x + m.action_width, action_at.y + cost_height), palette().text);
        draw_card_action(call, vote, project, ImVec2(action_at.x, action_at.y + cost_height + 6),
                         ImVec2(m.action_width, size.y - cost_height - 6));
    }

    const Picture* picture = m.thumbnail > 0 ? project_picture(call.view, p.id) : nullptr;
    float left = at.x + m.pad;
    if (picture) {
        draw_picture_thumbnail(a.draw, *picture, ImVec2(left, at.y + m.pad), ImVec2(m.thumbnail, size.y - 2 * m.pad));
        left += m.thumbnail + m.pad;
    }
    const float width = words_width(m, picture != nullptr);
    const float bottom = at.y + size.y - m.pad;
    float y = at.y + m.pad;
    // A card shorter than it needs (no room for even one card of full height) shortens the name first.
    const int name_lines =
        std::clamp(static_cast<int>((size.y - 2 * m.pad - m.more.y) / line_height(m.name_font)), 1, m.name_lines);
    const float column = name_width(m, fonts, cost, width);
    const std::string name = shorten_to_fit(m.name_font, p.name.in(lang), column, name_lines);
    y += draw_wrapped_text(a.draw, m.name_font, name, ImVec2(left, y), column, palette().text);
    if (m.cost_beside)
        draw_text_line(a.draw, fonts.body, ImVec2(left + width - text_width(fonts.body, cost), at.y + m.pad),
                       palette().text, cost);
    // Landscape: the summary beside the mark, which sits at the bottom right; upright: above it.
    const ImVec2 mark_at =
        m.cost_beside ? ImVec2(left + width - m.more.x, bottom - m.more.y) : ImVec2(left, bottom - m.more.y);
    // Only a card too short for its own words goes without the mark; the card still opens the page.
    if (mark_at.y >= y) draw_more_mark(call, m, mark_at);
    const float summary_width = m.cost_beside ? width - m.more.x - 16 : width;
    const float summary_bottom = m.cost_beside ? bottom : mark_at.y - 4;
    const int summary_lines = static_cast<int>((summary_bottom - y) / line_height(fonts.small));
    if (summary_lines >= 1 && summary_width >= kNarrowestColumnEms * fonts.small->FontSize)
        draw_wrapped_text(a.draw, fonts.small,
                          shorten_to_fit(fonts.small, p.summary.in(lang), summary_width, summary_lines),
                          ImVec2(left, y), summary_width, palette().muted_text);
}

}  // namespace sv
