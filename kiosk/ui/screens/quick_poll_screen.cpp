#include <algorithm>
#include <string>

#include "choice_grid.hpp"
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

constexpr float kBottomButtonHeight = 100;

void draw_bottom_buttons(const ScreenCall& call, bool can_send) {
    const ScreenArea& a = call.area;
    const float y = a.height - a.margin / 2 - kBottomButtonHeight;
    const float width = std::min(360.0f, (a.inner_width() - 24) / 2);
    tap(call,
        button("back", tr("Back"), ImVec2(a.margin, y), ImVec2(width, kBottomButtonHeight)).in(call.view.fonts.body),
        {IntentKind::back});
    tap(call,
        button("send-answer", tr("Send"), ImVec2(a.width - a.margin - width, y), ImVec2(width, kBottomButtonHeight))
            .primary()
            .enabled_if(can_send)
            .in(call.view.fonts.heading),
        {IntentKind::send_answer});
}

// What the ends of a 1..7 scale mean, at reading size beside the big numbers; very large text
// on its side leaves two scales no room for more than the small size.
ImFont* ends_font(const ScreenCall& call) {
    return call.area.portrait || call.view.fonts.scale < 1.5f ? call.view.fonts.body : call.view.fonts.small;
}

struct ScaleRow {
    float left = 0, right = 0, number_width = 0, gap = 0;
};

ScaleRow scale_row(const ScreenArea& a) {
    ScaleRow row;
    row.gap = a.portrait ? 10.0f : 16.0f;
    row.number_width = std::min(150.0f, (a.inner_width() - row.gap * 6) / 7);
    row.left = a.margin + (a.inner_width() - (row.number_width * 7 + row.gap * 6)) / 2;
    row.right = row.left + row.number_width * 7 + row.gap * 6;
    return row;
}

float ends_height(const ScreenCall& call) {
    const ScaleRow row = scale_row(call.area);
    const float label_width = (row.right - row.left) / 2 - 10;
    return std::max(wrapped_text_height(ends_font(call), tr("1 = very poor"), label_width),
                    wrapped_text_height(ends_font(call), tr("7 = very good"), label_width));
}

// One row of 1..7 `number_height` tall, with what the ends mean under it where `with_ends`;
// returns the y below.
float draw_scale(const ScreenCall& call, const std::string& id, int chosen, IntentKind kind, float y,
                 float number_height, bool with_ends) {
    const ScreenArea& a = call.area;
    const auto& fonts = call.view.fonts;
    const ScaleRow row = scale_row(a);
    for (int value = kLowestRating; value <= kHighestRating; ++value) {
        tap(call,
            button(id + std::to_string(value), std::to_string(value),
                   ImVec2(row.left + static_cast<float>(value - 1) * (row.number_width + row.gap), y),
                   ImVec2(row.number_width, number_height))
                .selected_if(value == chosen)
                .in(fonts.heading),
            {kind, value});
    }
    y += number_height + 8;
    if (!with_ends) return y;
    const float label_width = (row.right - row.left) / 2 - 10;
    const float h1 = draw_wrapped_text(a.draw, ends_font(call), tr("1 = very poor"), ImVec2(row.left, y), label_width,
                                       palette().text);
    const float h2 = draw_wrapped_text(a.draw, ends_font(call), tr("7 = very good"), ImVec2(row.right - label_width, y),
                                       label_width, palette().text, Align::right);
    return y + std::max(h1, h2);
}

}  // namespace

// The fast lane: one question and its answers, or today / wanted on two scales.
void draw_quick_poll_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const KioskState& s = call.state;
    const Activity* activity = call.view.campaign.activity(s.activity_id);
    if (!activity) return;
    const auto& lang = call.view.language;
    float y = a.margin / 2;
    const float beside = draw_question_buttons_top_right(call, y);
    const float below_button = y + text_size_button_size(fonts).y;
    // Squeezed beside the buttons (longer words in another language, big text), the question
    // takes a row of its own under them.
    const std::string question =
        s.screen == Screen::quick_poll ? activity->poll.question.in(lang) : activity->poll.today.in(lang);
    const bool own_row = beside < a.inner_width() * 0.45f || !reads_well_in(fonts.heading, question, beside);
    const float room = own_row ? a.inner_width() : beside;
    if (own_row) y = below_button + 8;
    if (s.screen == Screen::quick_poll) {
        y += draw_wrapped_text(a.draw, fonts.heading, question, ImVec2(a.margin, y + 8), room, palette().text);
        y = std::max(y + 8, below_button);
        y += 32;
        ChoiceGrid grid;
        grid.id_prefix = "poll-answer-";
        for (const auto& answer : activity->poll.answers) grid.labels.push_back(answer.in(lang));
        grid.selected = s.poll_choice;
        grid.kind = IntentKind::poll_answer;
        grid.columns = a.portrait || grid.labels.size() <= 3 ? 1 : 2;
        draw_choice_grid(call, grid, y);
        draw_bottom_buttons(call, s.poll_choice >= 0);
        return;
    }
    y += draw_wrapped_text(a.draw, fonts.heading, question, ImVec2(a.margin, y + 8), room, palette().text);
    y = std::max(y + 8, below_button);
    // Where both scales with their ends do not fit above the buttons (very large text in Urdu or
    // Punjabi, on its side), the second scale leaves out the ends the first has just said, and
    // then the numbers grow less tall, down to a size still easy to touch.
    const std::string wanted = activity->poll.wanted.in(lang);
    const float gap_between = a.portrait && !own_row ? 80.0f : 32.0f;
    const float bottom = a.height - a.margin / 2 - kBottomButtonHeight - 12;
    float number_height = 104;
    const auto needs = [&](bool second_ends) {
        return 16 + 2 * (number_height + 8) + ends_height(call) * (second_ends ? 2.0f : 1.0f) + gap_between +
               wrapped_text_height(fonts.heading, wanted, a.inner_width()) + 16;
    };
    const bool second_ends = y + needs(true) <= bottom;
    if (y + needs(second_ends) > bottom)
        number_height = std::max(72.0f, number_height - (y + needs(false) - bottom) / 2);
    y = draw_scale(call, "today-", s.scale_today, IntentKind::scale_today, y + 16, number_height, true);
    y += gap_between;
    y += draw_wrapped_text(a.draw, fonts.heading, wanted, ImVec2(a.margin, y), a.inner_width(), palette().text);
    draw_scale(call, "wanted-", s.scale_wanted, IntentKind::scale_wanted, y + 16, number_height, second_ends);
    draw_bottom_buttons(call, s.scale_today > 0 && s.scale_wanted > 0);
}

}  // namespace sv
