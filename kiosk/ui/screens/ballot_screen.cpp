#include <algorithm>
#include <cfloat>
#include <string>

#include "ballot_screen_layout.hpp"
#include "ballot_status.hpp"
#include "kiosk_style.hpp"
#include "page_buttons.hpp"
#include "project_card.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "viewing_buttons.hpp"

namespace sv {

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

// Where the page buttons go when the cards need more than one page: in the bottom row between
// "Back" and "Review my vote" where they fit with room to spare; else on a row of their own
// above it, or (on its side, when that leaves more cards) in a column at the right with
// "Review my vote" and "Back" under them.
enum class PagingPlace { none, bottom_row, own_row, side_column };

struct BallotPlan {
    PagingPlace paging = PagingPlace::none;
    CardMeasures card;
    float cards_width = 0, cards_bottom = 0, card_height = 0;
    int per_page = 1, pages = 1;
    float button_width = 0, label_width = 0;  // each page button and the page between, in a row
    float column_button = 0;                  // side column: each button's height
};

constexpr float kApart = 40;        // between "Back" or "Review my vote" and the page buttons
constexpr float kCardGap = 12;      // between cards
constexpr float kSideColumn = 300;  // the side column's width
constexpr float kShortestColumnButton = 64;
// A row of page buttons of its own is a little lower than the bottom row: still an easy
// target, and it leaves the cards room.
constexpr float kOwnRowHeight = 80, kOwnRowGap = 12;

float own_row_top(const BottomBar& bar) {
    return bar.top - kOwnRowGap - kOwnRowHeight;
}

float back_width(const KioskFonts& fonts) {
    return std::max(160.0f, text_width(fonts.body, tr("Back")) + 56);
}

float review_width(const KioskFonts& fonts) {
    return std::max(240.0f, text_width(fonts.body, tr("Review my vote")) + 56);
}

// Cards of `width` between `top` and `bottom`: how many to a page, and the pages they make.
void fit_cards(BallotPlan& plan, const ScreenCall& call, const BudgetVote& vote, float width, float top, float bottom,
               bool compact) {
    const auto& fonts = call.view.fonts;
    plan.cards_width = width;
    plan.cards_bottom = bottom;
    float widest_cost = 0;
    for (const auto& p : vote.projects)
        widest_cost = std::max(widest_cost, text_width(fonts.body, format_money(p.cost, vote.currency)));
    plan.card = card_measures(width, call.area.portrait, fonts, widest_cost, compact);
    float needs = 0;
    for (const auto& p : vote.projects) needs = std::max(needs, card_needs(plan.card, fonts, vote, p, call.view));
    plan.per_page =
        std::clamp(static_cast<int>((bottom - top + kCardGap) / (needs + kCardGap)), 1, call.area.portrait ? 5 : 4);
    const int count = static_cast<int>(vote.projects.size());
    plan.pages = std::max(1, (count + plan.per_page - 1) / plan.per_page);
    // Room to spare goes to the summaries, up to two lines more than the card needs.
    const float share =
        (bottom - top - kCardGap * static_cast<float>(plan.per_page - 1)) / static_cast<float>(plan.per_page);
    plan.card_height = std::min(std::max(needs + 2 * line_height(fonts.small), 170.0f), share);
}

// `compact`: compact cards (see card_measures).
BallotPlan plan_ballot(const ScreenCall& call, const BudgetVote& vote, float top, bool compact) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const BottomBar bar = bottom_bar(a);
    BallotPlan plan;
    fit_cards(plan, call, vote, a.inner_width(), top, bar.top - kCardGap, compact);
    if (plan.pages == 1) return plan;

    plan.label_width = page_label_width(fonts, plan.pages);
    plan.button_width = page_button_width(fonts);
    // The place that shows the most cards a page; the first listed where they tie.
    BallotPlan best = plan;
    best.per_page = 0;
    const auto consider = [&best](const BallotPlan& candidate) {
        if (candidate.per_page > best.per_page) best = candidate;
    };
    const float between = a.inner_width() - back_width(fonts) - review_width(fonts) - 2 * kApart;
    if (2 * plan.button_width + plan.label_width + 2 * bar.gap <= between) {
        BallotPlan bottom_row = plan;
        bottom_row.paging = PagingPlace::bottom_row;
        consider(bottom_row);
    }
    BallotPlan own_row = plan;
    own_row.paging = PagingPlace::own_row;
    fit_cards(own_row, call, vote, a.inner_width(), top, own_row_top(bar) - kCardGap, compact);
    // Fewer cards a page may make more pages: the page's words are measured again.
    own_row.label_width = page_label_width(fonts, own_row.pages);
    own_row.button_width = (a.inner_width() - own_row.label_width - 2 * bar.gap) / 2;
    consider(own_row);
    if (!a.portrait) {
        BallotPlan side = plan;
        side.paging = PagingPlace::side_column;
        fit_cards(side, call, vote, a.inner_width() - kSideColumn - bar.gap, top, bar.top + bar.height, compact);
        // The column: the page, two page buttons, a gap, "Review my vote" and "Back".
        const float column = bar.top + bar.height - top - line_height(fonts.body) - 3 * 12 - kApart;
        side.column_button = std::min(bar.height, column / 4);
        if (side.column_button >= kShortestColumnButton) consider(side);
    }
    return best;
}

// The instruction beside the text-size button, or under it where beside it would squeeze it.
// The cards need room more than the instruction needs its largest size: where it would take
// more than `share` of the screen's height (very large text in Urdu) it steps down. Returns
// the y below it; draws it only when `drawing`.
float ballot_heading(const ScreenCall& call, const std::string& instruction, float top, float share, bool drawing) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float room = a.height * share;
    const float beside =
        drawing ? draw_text_size_button_top_right(call, top) : a.inner_width() - text_size_button_size(fonts).x - 24;
    const float button_bottom = top + text_size_button_size(fonts).y;
    ImFont* font = font_that_fits(fonts.heading, instruction, beside, room);
    if (reads_well_in(font, instruction, beside)) {
        const float used =
            drawing ? draw_wrapped_text(a.draw, font, instruction, ImVec2(a.margin, top + 4), beside, palette().text)
                    : wrapped_text_height(font, instruction, beside);
        return std::max(top + used + 8, button_bottom + 4);
    }
    font = font_that_fits(fonts.heading, instruction, a.inner_width(), room - (button_bottom - top));
    const float used = drawing ? draw_wrapped_text(a.draw, font, instruction, ImVec2(a.margin, button_bottom + 8),
                                                   a.inner_width(), palette().text)
                               : wrapped_text_height(font, instruction, a.inner_width());
    return button_bottom + 8 + used + 4;
}

}  // namespace

void draw_ballot_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const Activity* activity = call.view.campaign.activity(call.state.activity_id);
    if (!activity) return;
    const BudgetVote& vote = activity->budget;
    const int count = static_cast<int>(vote.projects.size());

    // Where the sizes the screen's text size asks for leave one card a page (very large text in
    // Urdu, whose lines stand about twice as tall), the instruction takes a smaller share of the
    // height, the status steps down a size and the cards are compact, if that shows more.
    const std::string instruction = tr(ballot_instruction(vote));
    const float top = a.margin / 2;
    const float width = a.inner_width();
    float share = a.portrait ? 0.34f : 0.22f;
    ImFont* status_font = fonts.heading;
    BallotPlan plan = plan_ballot(
        call, vote,
        ballot_heading(call, instruction, top, share, false) + ballot_status_height(call, vote, width, status_font) + 8,
        false);
    if (plan.per_page < 2 && plan.pages > 1) {
        const float smaller_share = a.portrait ? 0.2f : 0.15f;
        const BallotPlan smaller = plan_ballot(call, vote,
                                               ballot_heading(call, instruction, top, smaller_share, false) +
                                                   ballot_status_height(call, vote, width, fonts.body) + 8,
                                               true);
        if (smaller.per_page > plan.per_page) {
            plan = smaller;
            share = smaller_share;
            status_font = fonts.body;
        }
    }
    float y = ballot_heading(call, instruction, top, share, true);
    y += draw_ballot_status(call, vote, y, a.inner_width(), status_font);
    y += 8;

    const int page = std::min(call.state.ballot_page, plan.pages - 1);
    const float cards_top = y;
    for (int i = 0; i < plan.per_page; ++i) {
        const int project = page * plan.per_page + i;
        if (project >= count) break;
        draw_project_card(call, plan.card, vote, project, ImVec2(a.margin, y),
                          ImVec2(plan.cards_width, plan.card_height));
        y += plan.card_height + kCardGap;
    }

    const BottomBar bar = bottom_bar(a);
    const PageButtons turn{"previous-page", "next-page", IntentKind::show_page, page, plan.pages};
    if (plan.paging == PagingPlace::side_column) {
        // Page 2 of 3, Previous page, Next page; then, at the bottom, Review my vote and Back.
        const float left = a.width - a.margin - kSideColumn, h = plan.column_button;
        const float buttons_top = cards_top + line_height(fonts.body) + 12;
        draw_page_buttons(call, turn, ImVec2(left, buttons_top), ImVec2(left, buttons_top + h + 12),
                          ImVec2(kSideColumn, h), ImVec2(left, cards_top),
                          ImVec2(left + kSideColumn, buttons_top - 12));
        const float bottom = bar.top + bar.height;
        tap(call,
            button("review", tr("Review my vote"), ImVec2(left, bottom - 2 * h - 12), ImVec2(kSideColumn, h))
                .primary()
                .in(fonts.body),
            {IntentKind::review_ballot});
        tap(call, button("back", tr("Back"), ImVec2(left, bottom - h), ImVec2(kSideColumn, h)).in(fonts.body),
            {IntentKind::back});
        return;
    }
    const float back = back_width(fonts), review = review_width(fonts);
    if (plan.paging == PagingPlace::bottom_row) {
        // Centred between "Back" and "Review my vote", kept apart from both.
        const float group = 2 * plan.button_width + plan.label_width + 2 * bar.gap;
        const float start = a.margin + back + kApart + (a.inner_width() - back - review - 2 * kApart - group) / 2;
        draw_page_row(call, turn, ImVec2(start, bar.top), plan.button_width, plan.label_width, bar.height, bar.gap);
    } else if (plan.paging == PagingPlace::own_row) {
        draw_page_row(call, turn, ImVec2(a.margin, own_row_top(bar)), plan.button_width, plan.label_width,
                      kOwnRowHeight, bar.gap);
    }
    tap(call, button("back", tr("Back"), ImVec2(a.margin, bar.top), ImVec2(back, bar.height)).in(fonts.body),
        {IntentKind::back});
    tap(call,
        button("review", tr("Review my vote"), ImVec2(a.width - a.margin - review, bar.top), ImVec2(review, bar.height))
            .primary()
            .in(fonts.body),
        {IntentKind::review_ballot});
}

}  // namespace sv
