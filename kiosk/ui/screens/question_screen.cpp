#include <algorithm>
#include <string>

#include "answer_face.hpp"
#include "kiosk_style.hpp"
#include "place_standard.hpp"
#include "question_buttons.hpp"
#include "question_screen_plan.hpp"
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

// The theme on screen, with the citizen's rating and comment for it so far.
struct ShownQuestion {
    const Theme& theme;
    std::optional<int> rating;
    const std::string& comment;
};

std::string answer_hint(bool faces) {
    return faces ? tr("Choose a face, or skip this one.") : tr("Choose a number, or skip this one.");
}

float face_gap(const ScreenArea& a) {
    return a.portrait ? 16.0f : 28.0f;
}

// The words under the faces at `font`: their height, wrapped to the button when a word is
// wider than it.
float face_words_height(ImFont* font, float button_width) {
    float tallest = 0;
    for (int value = kLowestRating; value <= 3; ++value)
        tallest = std::max(tallest, wrapped_text_height(font, tr(answer_face_word(value)), button_width - 16));
    return tallest;
}

// The largest of `fonts` at which each word stays on one line; else the smallest, wrapped.
ImFont* face_word_font(std::initializer_list<ImFont*> fonts, float button_width) {
    ImFont* chosen = nullptr;
    for (ImFont* font : fonts) {
        chosen = font;
        bool one_line = true;
        for (int value = kLowestRating; value <= 3; ++value) {
            const std::string word = tr(answer_face_word(value));
            one_line =
                one_line && wrapped_text_height(font, word, button_width - 16) <= one_line_height(font, word) + 1;
        }
        if (one_line) break;
    }
    return chosen;
}

// The children's three answers: a face over its word on each button.
void draw_face_buttons(const ScreenCall& call, const QuestionPlan& plan, float y, std::optional<int> rating) {
    const ScreenArea& a = call.area;
    const float gap = face_gap(a);
    const float button_width = plan.face_width;
    const float row_left = a.margin + (a.inner_width() - (button_width * 3 + gap * 2)) / 2;
    const float word_height = plan.face_word_height;
    const float radius = std::min(plan.face_radius, (plan.ratings - word_height - 36) / 2);
    for (int value = kLowestRating; value <= 3; ++value) {
        const bool chosen = rating && *rating == value;
        const ImVec2 at(row_left + static_cast<float>(value - 1) * (button_width + gap), y);
        tap(call,
            button("rating-" + std::to_string(value), "", at, ImVec2(button_width, plan.ratings)).selected_if(chosen),
            {IntentKind::rate, value});
        const ImU32 colour = chosen ? palette().on_primary : palette().text;
        const float face_top = y + (plan.ratings - 2 * radius - 12 - word_height) / 2;
        draw_answer_face(a.draw, ImVec2(at.x + button_width / 2, face_top + radius), radius, value, colour);
        const std::string word = tr(answer_face_word(value));
        draw_centred_text(a.draw, plan.face_word_font, word, ImVec2(at.x, face_top + 2 * radius + 12),
                          ImVec2(at.x + button_width, face_top + 2 * radius + 12 + word_height), colour);
    }
}

// Seven big numbered buttons; words under the two ends say what the numbers mean. Returns
// the top of what comes next.
float draw_number_buttons(const ScreenCall& call, const QuestionPlan& plan, float y, std::optional<int> rating) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float width = a.inner_width();
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
    draw_wrapped_text(a.draw, plan.ends_font, tr("1 = a lot to improve"), ImVec2(row_left, y), plan.end_label_width,
                      palette().text, Align::left);
    draw_wrapped_text(a.draw, plan.ends_font, tr("7 = very little to improve"),
                      ImVec2(row_right - plan.end_label_width, y), plan.end_label_width, palette().text, Align::right);
    y += plan.ends + plan.gap;
    return y;
}

ShownQuestion shown_question(const KioskState& s) {
    const auto index = static_cast<std::size_t>(s.theme_index);
    return {place_standard_themes(s.answers.version)[index], s.answers.ratings[index], s.answers.comments[index]};
}

}  // namespace

std::string comment_preview(const std::string& comment) {
    return "\u201C" + (comment.size() > 90 ? comment.substr(0, 87) + "..." : comment) + "\u201D";
}

QuestionPlan plan_question_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const auto [theme, rating, comment] = shown_question(call.state);
    const float width = a.inner_width();
    QuestionPlan plan;
    plan.comment_width = std::min(width, 520.0f * fonts.scale);
    plan.preview_beside = !a.portrait && width - plan.comment_width > 300;
    plan.preview_width = plan.preview_beside ? width - plan.comment_width - 24 : width;
    plan.end_label_width = width / 2 - 10;

    const float buttons_height = text_size_button_size(fonts).y;
    const float beside_buttons = a.inner_width() - question_buttons_width(call) - 24;
    plan.label_below = text_width(fonts.body, progress_label(call.state)) > beside_buttons;
    plan.label_room = plan.label_below ? a.inner_width() : beside_buttons;
    plan.bar_below = progress_bar_below(call, plan.label_room);
    plan.top_row = buttons_height + (plan.label_below ? 12 + one_line_height(fonts.body) : 0) +
                   (plan.bar_below ? kProgressBarHeight + 24 : 0);
    plan.title_font = fonts.heading;
    plan.question_font = fonts.body;
    plan.heading = wrapped_text_height(plan.title_font, tr(theme.title), width);
    plan.question = wrapped_text_height(plan.question_font, tr(theme.question), width);
    plan.faces = call.state.answers.version == PlaceStandardVersion::children;
    plan.face_radius = std::clamp(one_line_height(fonts.heading) * 1.2f, 40.0f, 64.0f);
    plan.face_width = std::min(300.0f, (width - 2 * face_gap(a)) / 3);
    plan.face_word_font = face_word_font({fonts.heading, fonts.body, fonts.small}, plan.face_width);
    plan.face_word_height = face_words_height(plan.face_word_font, plan.face_width);
    const auto face_row = [&] { return 2 * plan.face_radius + 12 + plan.face_word_height + 36; };
    plan.ratings = plan.faces ? face_row() : std::max(120.0f, fonts.display->FontSize + 36);
    // The least the row may give up to: a finger's height for the numbers, faces a little smaller.
    const auto least_ratings = [&] {
        return plan.faces ? face_row() - 2 * (plan.face_radius - 30) : std::max(88.0f, fonts.display->FontSize + 12);
    };
    // What the ends mean, at reading size beside the big numbers; faces say it in their words.
    const auto ends_height = [&](ImFont* font) {
        if (plan.faces) return 0.0f;
        return std::max(wrapped_text_height(font, tr("1 = a lot to improve"), plan.end_label_width),
                        wrapped_text_height(font, tr("7 = very little to improve"), plan.end_label_width));
    };
    plan.ends_font = fonts.body;
    plan.ends = ends_height(plan.ends_font);
    plan.comment = std::max(88.0f, line_height(fonts.body) + 36);
    const int preview_lines = plan.preview_beside ? static_cast<int>(plan.comment / line_height(fonts.small)) : 2;
    if (!comment.empty())
        plan.preview = shorten_to_fit(fonts.small, comment_preview(comment), plan.preview_width, preview_lines);
    if (!plan.preview.empty() && !plan.preview_beside)
        plan.preview_height = 12 + wrapped_text_height(fonts.small, plan.preview, width);
    const std::string hint = answer_hint(plan.faces);
    plan.hint_beside =
        plan.preview_beside && plan.preview.empty() &&
        wrapped_text_height(fonts.small, hint, plan.preview_width) <= std::max(64.0f, line_height(fonts.body) + 16);
    plan.hint_shown = !rating;
    if (plan.hint_shown && !plan.hint_beside) plan.hint = wrapped_text_height(fonts.small, hint, width) + 12;
    const float used = plan.top_row + plan.heading + 12 + plan.question + plan.ratings + 10 + plan.ends + plan.comment +
                       plan.preview_height + plan.hint + plan.bar;
    float spare = a.height - a.margin - 8 - used;
    // Longer words (a translation, big text) can leave too little room: the rating and comment
    // buttons give up height first, never below a comfortable touch.
    if (spare < 4 * 8.0f) {
        const float ratings_give = std::min(4 * 8.0f - spare, plan.ratings - least_ratings());
        plan.ratings -= std::max(0.0f, ratings_give);
        spare += std::max(0.0f, ratings_give);
    }
    if (spare < 4 * 8.0f) {
        const float comment_give =
            std::min(4 * 8.0f - spare, plan.comment - std::max(64.0f, line_height(fonts.body) + 16));
        plan.comment -= std::max(0.0f, comment_give);
        spare += std::max(0.0f, comment_give);
    }
    // Still short (very large Urdu): the hint moves up beside the comment button if it fits
    // there in more lines than it would be given at first.
    if (spare < 4 * 8.0f && plan.hint > 0 && plan.preview_beside && plan.preview.empty() &&
        wrapped_text_height(fonts.small, hint, plan.preview_width) <= plan.comment) {
        spare += plan.hint;
        plan.hint = 0;
        plan.hint_beside = true;
    }
    // The words under the faces, and the scale's ends, go back to the small size.
    if (spare < 4 * 8.0f && plan.faces && plan.face_word_font != fonts.small) {
        const float before = plan.face_word_height;
        plan.face_word_font = face_word_font({fonts.body, fonts.small}, plan.face_width);
        plan.face_word_height = face_words_height(plan.face_word_font, plan.face_width);
        const float row = plan.ratings - (before - plan.face_word_height);
        spare += plan.ratings - row;
        plan.ratings = row;
    }
    if (spare < 4 * 8.0f) {
        plan.ends_font = fonts.small;
        const float smaller = ends_height(plan.ends_font);
        spare += plan.ends - smaller;
        plan.ends = smaller;
    }
    // Then the title, then the question, step down a size.
    if (spare < 4 * 8.0f) {
        plan.title_font = fonts.body;
        const float smaller = wrapped_text_height(plan.title_font, tr(theme.title), width);
        spare += plan.heading - smaller;
        plan.heading = smaller;
    }
    if (spare < 4 * 8.0f) {
        plan.question_font = fonts.small;
        const float smaller = wrapped_text_height(plan.question_font, tr(theme.question), width);
        spare += plan.question - smaller;
        plan.question = smaller;
    }
    // Last, the bottom row's buttons, never below a comfortable touch.
    if (spare < 4 * 8.0f) {
        const float bar_give = std::min(4 * 8.0f - spare, plan.bar - 88.0f);
        plan.bar -= bar_give;
        spare += bar_give;
    }
    // Nothing else can give: the hint goes. The greyed "Next" and the "Skip this one" button
    // beside it still say what it said.
    if (spare < 4 * 8.0f && plan.hint > 0) {
        spare += plan.hint;
        plan.hint = 0;
        plan.hint_shown = false;
    }
    plan.gap = std::clamp(spare / 4, 8.0f, a.portrait ? 72.0f : 36.0f);
    return plan;
}

void draw_question_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const auto [theme, rating, comment] = shown_question(call.state);
    const float width = a.inner_width();
    const QuestionPlan plan = plan_question_screen(call);
    const float buttons_height = text_size_button_size(fonts).y;

    float y = a.margin / 2;
    draw_question_buttons_top_right(call, y);
    draw_progress(call,
                  plan.label_below ? y + buttons_height + 12 : y + (buttons_height - one_line_height(fonts.body)) / 2,
                  plan.label_room);
    y += plan.top_row + plan.gap;

    y += draw_wrapped_text(a.draw, plan.title_font, tr(theme.title), ImVec2(a.margin, y), width, palette().text);
    y += 12;
    y += draw_wrapped_text(a.draw, plan.question_font, tr(theme.question), ImVec2(a.margin, y), width, palette().text);
    y += plan.gap;

    if (plan.faces) {
        draw_face_buttons(call, plan, y, rating);
        y += plan.ratings + 10 + plan.gap;
    } else {
        y = draw_number_buttons(call, plan, y, rating);
    }

    // Optional comment.
    const float comment_y = y;
    tap(call,
        button("comment", comment.empty() ? tr("Add a comment (optional)") : tr("Change your comment"),
               ImVec2(a.margin, y), ImVec2(plan.comment_width, plan.comment))
            .in(fonts.body),
        {IntentKind::open_comment});
    if (!plan.preview.empty()) {
        const ImVec2 at = plan.preview_beside ? ImVec2(a.margin + plan.comment_width + 24, y)
                                              : ImVec2(a.margin, y + plan.comment + 12);
        draw_wrapped_text(a.draw, fonts.small, plan.preview, at, plan.preview_width, palette().muted_text);
    }

    // Bottom row: back, skip, next.
    const float bar_y = plan.bar_top(a);
    const float bar_gap = 20;
    const float unit = (width - 2 * bar_gap) / 10;
    const bool last = call.state.theme_index == kThemeCount - 1;
    if (plan.hint_shown) {
        const std::string hint = answer_hint(plan.faces);
        if (plan.hint_beside)
            draw_wrapped_text(a.draw, fonts.small, hint, ImVec2(a.margin + plan.comment_width + 24, comment_y),
                              plan.preview_width, palette().muted_text, Align::right);
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
