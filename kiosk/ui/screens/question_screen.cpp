#include <algorithm>
#include <string>

#include "kiosk_style.hpp"
#include "place_standard.hpp"
#include "question_buttons.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

constexpr float kProgressBarHeight = 16;

std::string progress_label(const KioskState& state) {
    return fill(tr("Question {1} of {2}"), {std::to_string(state.theme_index + 1), std::to_string(kThemeCount)});
}

// Room beside the words for segments a finger's width apart; otherwise the bar goes under them.
bool progress_bar_below(const ScreenCall& call, float room) {
    const float beside = room - text_width(call.view.fonts.body, progress_label(call.state)) - 32;
    return beside < kThemeCount * 24.0f;
}

// "Question 3 of 14" and a bar of the themes, within `room` of the left margin.
void draw_progress(const ScreenCall& call, float y, float room) {
    const ScreenArea& a = call.area;
    const auto& fonts = call.view.fonts;
    const int current = call.state.theme_index;
    const std::string label = progress_label(call.state);
    draw_text_line(a.draw, fonts.body, ImVec2(a.margin, y), palette().muted_text, label);

    const bool below = progress_bar_below(call, room);
    const float bar_left = below ? a.margin : a.margin + text_width(fonts.body, label) + 32;
    const float bar_width = below ? a.inner_width() : a.margin + room - bar_left;
    const float gap = 6;
    const float segment = (bar_width - gap * (kThemeCount - 1)) / kThemeCount;
    const float bar_y = below ? y + line_height(fonts.body) + 28 : y + one_line_height(fonts.body) / 2 - 8;
    for (int i = 0; i < kThemeCount; ++i) {
        const ImVec2 min(bar_left + static_cast<float>(i) * (segment + gap), bar_y);
        const ImVec2 max(min.x + segment, bar_y + kProgressBarHeight);
        if (i <= current)
            a.draw->AddRectFilled(min, max, palette().primary, 4);
        else
            a.draw->AddRect(min, max, palette().outline, 4, 0, 2);
    }
}

// Heights of the question screen's rows, planned before drawing so that the gaps share out
// what is left at any text size and nothing overlaps.
struct QuestionPlan {
    float top_row = 0, heading = 0, question = 0, ratings = 0, ends = 0, comment = 0, preview = 0, hint = 0, bar = 100;
    float gap = 0;  // between the blocks
};

std::string comment_preview(const std::string& comment) {
    return "\u201C" + (comment.size() > 90 ? comment.substr(0, 87) + "..." : comment) + "\u201D";
}

}  // namespace

void draw_question_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const KioskState& s = call.state;
    const auto index = static_cast<std::size_t>(s.theme_index);
    const Theme& theme = place_standard_themes()[index];
    const std::optional<int> rating = s.answers.ratings[index];
    const std::string& comment = s.answers.comments[index];
    const float width = a.inner_width();
    const float comment_width = std::min(width, 520.0f * fonts.scale);
    const bool preview_beside = !a.portrait && width - comment_width > 300;
    const float preview_width = preview_beside ? width - comment_width - 24 : width;
    const float end_label_width = width / 2 - 10;

    // "Question 3 of 14" beside the top right buttons, or on a row of its own when they leave
    // it too little room; its bar beside it, or under it.
    const float buttons_height = text_size_button_size(fonts).y;
    const float beside_buttons = a.inner_width() - question_buttons_width(call) - 24;
    const bool label_below = text_width(fonts.body, progress_label(s)) > beside_buttons;
    const float room = label_below ? a.inner_width() : beside_buttons;
    const bool bar_below = progress_bar_below(call, room);

    QuestionPlan plan;
    plan.top_row = buttons_height + (label_below ? 12 + one_line_height(fonts.body) : 0) +
                   (bar_below ? kProgressBarHeight + 24 : 0);
    ImFont* title_font = fonts.heading;
    ImFont* question_font = fonts.body;
    plan.heading = wrapped_text_height(title_font, tr(theme.title), width);
    plan.question = wrapped_text_height(question_font, tr(theme.question), width);
    plan.ratings = std::max(120.0f, fonts.display->FontSize + 36);
    plan.ends = std::max(wrapped_text_height(fonts.small, tr("1 = a lot to improve"), end_label_width),
                         wrapped_text_height(fonts.small, tr("7 = very little to improve"), end_label_width));
    plan.comment = std::max(88.0f, line_height(fonts.body) + 36);
    const int preview_lines = preview_beside ? static_cast<int>(plan.comment / line_height(fonts.small)) : 2;
    const std::string preview =
        comment.empty() ? std::string()
                        : shorten_to_fit(fonts.small, comment_preview(comment), preview_width, preview_lines);
    if (!preview.empty() && !preview_beside) plan.preview = 12 + wrapped_text_height(fonts.small, preview, width);
    // "Choose a number" goes beside the comment button when that has room, else over the bottom row.
    const std::string hint = tr("Choose a number, or skip this one.");
    const bool hint_beside =
        preview_beside && preview.empty() &&
        wrapped_text_height(fonts.small, hint, preview_width) <= std::max(64.0f, line_height(fonts.body) + 16);
    if (!rating && !hint_beside) plan.hint = wrapped_text_height(fonts.small, hint, width) + 12;
    const float used = plan.top_row + plan.heading + 12 + plan.question + plan.ratings + 10 + plan.ends + plan.comment +
                       plan.preview + plan.hint + plan.bar;
    float spare = a.height - a.margin - 8 - used;
    // Longer words (a translation, big text) can leave too little room: the rating and comment
    // buttons give up height first, never below a comfortable touch.
    if (spare < 4 * 8.0f) {
        const float ratings_give =
            std::min(4 * 8.0f - spare, plan.ratings - std::max(88.0f, fonts.display->FontSize + 12));
        plan.ratings -= std::max(0.0f, ratings_give);
        spare += std::max(0.0f, ratings_give);
    }
    if (spare < 4 * 8.0f) {
        const float comment_give =
            std::min(4 * 8.0f - spare, plan.comment - std::max(64.0f, line_height(fonts.body) + 16));
        plan.comment -= std::max(0.0f, comment_give);
        spare += std::max(0.0f, comment_give);
    }
    // Still short (very large Urdu): the title, then the question, step down a size.
    if (spare < 4 * 8.0f) {
        title_font = fonts.body;
        const float smaller = wrapped_text_height(title_font, tr(theme.title), width);
        spare += plan.heading - smaller;
        plan.heading = smaller;
    }
    if (spare < 4 * 8.0f) {
        question_font = fonts.small;
        const float smaller = wrapped_text_height(question_font, tr(theme.question), width);
        spare += plan.question - smaller;
        plan.question = smaller;
    }
    plan.gap = std::clamp(spare / 4, 8.0f, a.portrait ? 72.0f : 36.0f);

    float y = a.margin / 2;
    draw_question_buttons_top_right(call, y);
    draw_progress(call, label_below ? y + buttons_height + 12 : y + (buttons_height - one_line_height(fonts.body)) / 2,
                  room);
    y += plan.top_row + plan.gap;

    y += draw_wrapped_text(a.draw, title_font, tr(theme.title), ImVec2(a.margin, y), width, palette().text);
    y += 12;
    y += draw_wrapped_text(a.draw, question_font, tr(theme.question), ImVec2(a.margin, y), width, palette().text);
    y += plan.gap;

    // Seven big numbered buttons; words under the two ends say what the numbers mean.
    const float gap = a.portrait ? 10.0f : 16.0f;
    const float button_width = std::min(150.0f, (width - gap * 6) / 7);
    const float row_left = a.margin + (width - (button_width * 7 + gap * 6)) / 2;
    for (int value = kLowestRating; value <= kHighestRating; ++value) {
        const bool chosen = rating && *rating == value;
        tap(call,
            button("rating-" + std::to_string(value), std::to_string(value),
                   ImVec2(row_left + static_cast<float>(value - 1) * (button_width + gap), y),
                   ImVec2(button_width, plan.ratings))
                .selected_if(chosen)
                .in(fonts.display),
            {IntentKind::rate, value});
    }
    y += plan.ratings + 10;
    const float row_right = row_left + button_width * 7 + gap * 6;
    draw_wrapped_text(a.draw, fonts.small, tr("1 = a lot to improve"), ImVec2(row_left, y), end_label_width,
                      palette().text, Align::left);
    draw_wrapped_text(a.draw, fonts.small, tr("7 = very little to improve"), ImVec2(row_right - end_label_width, y),
                      end_label_width, palette().text, Align::right);
    y += plan.ends + plan.gap;

    // Optional comment.
    const float comment_y = y;
    tap(call,
        button("comment", comment.empty() ? tr("Add a comment (optional)") : tr("Change your comment"),
               ImVec2(a.margin, y), ImVec2(comment_width, plan.comment))
            .in(fonts.body),
        {IntentKind::open_comment});
    if (!preview.empty()) {
        const ImVec2 at =
            preview_beside ? ImVec2(a.margin + comment_width + 24, y) : ImVec2(a.margin, y + plan.comment + 12);
        draw_wrapped_text(a.draw, fonts.small, preview, at, preview_width, palette().muted_text);
    }

    // Bottom row: back, skip, next.
    const float bar_y = a.height - a.margin / 2 - plan.bar - 8;
    const float bar_gap = 20;
    const float unit = (width - 2 * bar_gap) / 10;
    const bool last = s.theme_index == kThemeCount - 1;
    if (!rating) {
        if (hint_beside)
            draw_wrapped_text(a.draw, fonts.small, hint, ImVec2(a.margin + comment_width + 24, comment_y),
                              preview_width, palette().muted_text, Align::right);
        else
            draw_wrapped_text(a.draw, fonts.small, hint, ImVec2(a.margin, bar_y - plan.hint + 4), width,
                              palette().muted_text, Align::right);
    }
    tap(call, button("back", tr("Back"), ImVec2(a.margin, bar_y), ImVec2(unit * 3, plan.bar)).in(fonts.body),
        {IntentKind::back});
    tap(call,
        button("skip", tr("Skip this one"), ImVec2(a.margin + unit * 3 + bar_gap, bar_y), ImVec2(unit * 3.5f, plan.bar))
            .in(fonts.body),
        {IntentKind::skip});
    tap(call,
        button("next", last ? tr("Finish") : tr("Next"), ImVec2(a.margin + unit * 6.5f + bar_gap * 2, bar_y),
               ImVec2(unit * 3.5f, plan.bar))
            .primary()
            .enabled_if(rating.has_value())
            .in(fonts.heading),
        {IntentKind::next});
}

}  // namespace sv
