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

// One row of 1..7 with what the ends mean under it; returns the y below.
float draw_scale(const ScreenCall& call, const std::string& id, int chosen, IntentKind kind, float y) {
    const ScreenArea& a = call.area;
    const auto& fonts = call.view.fonts;
    const float gap = a.portrait ? 10.0f : 16.0f;
    const float width = std::min(150.0f, (a.inner_width() - gap * 6) / 7);
    const float left = a.margin + (a.inner_width() - (width * 7 + gap * 6)) / 2;
    for (int value = kLowestRating; value <= kHighestRating; ++value) {
        tap(call,
            button(id + std::to_string(value), std::to_string(value),
                   ImVec2(left + static_cast<float>(value - 1) * (width + gap), y), ImVec2(width, 104))
                .selected_if(value == chosen)
                .in(fonts.heading),
            {kind, value});
    }
    y += 104 + 8;
    const float right = left + width * 7 + gap * 6;
    const float label_width = (right - left) / 2 - 10;
    // What the ends mean, at reading size beside the big numbers; very large text on its side
    // leaves two scales no room for more than the small size.
    ImFont* ends = a.portrait || fonts.scale < 1.5f ? fonts.body : fonts.small;
    const float h1 = draw_wrapped_text(a.draw, ends, tr("1 = very poor"), ImVec2(left, y), label_width, palette().text);
    const float h2 = draw_wrapped_text(a.draw, ends, tr("7 = very good"), ImVec2(right - label_width, y), label_width,
                                       palette().text, Align::right);
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
    y = draw_scale(call, "today-", s.scale_today, IntentKind::scale_today, y + 16);
    y += a.portrait && !own_row ? 80.0f : 32.0f;
    y += draw_wrapped_text(a.draw, fonts.heading, activity->poll.wanted.in(lang), ImVec2(a.margin, y), a.inner_width(),
                           palette().text);
    draw_scale(call, "wanted-", s.scale_wanted, IntentKind::scale_wanted, y + 16);
    draw_bottom_buttons(call, s.scale_today > 0 && s.scale_wanted > 0);
}

}  // namespace sv
