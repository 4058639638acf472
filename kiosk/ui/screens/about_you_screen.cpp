#include <algorithm>
#include <string>

#include "about_you.hpp"
#include "choice_grid.hpp"
#include "kiosk_style.hpp"
#include "on_screen_keyboard.hpp"
#include "question_buttons.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "typing_header.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

constexpr float kBottomRowHeight = 90;
constexpr float kCodeBoxHeight = 84;

// Every question's way back and way past, in the same place and size on each: "Back" at the
// bottom left, as on the other questions, and "Prefer not to say" beside it. Returns the
// row's top.
float draw_back_and_prefer_not(const ScreenCall& call) {
    const ScreenArea& a = call.area;
    const float top = a.height - a.margin / 2 - kBottomRowHeight - 8;
    const float gap = 20;
    const float back_width = (a.inner_width() - gap) / 3;
    tap(call,
        button("back", tr("Back"), ImVec2(a.margin, top), ImVec2(back_width, kBottomRowHeight))
            .in(call.view.fonts.body),
        {IntentKind::back});
    tap(call,
        button("about-prefer-not", tr("Prefer not to say"), ImVec2(a.margin + back_width + gap, top),
               ImVec2(a.inner_width() - back_width - gap, kBottomRowHeight))
            .in(call.view.fonts.body),
        {IntentKind::about_you_answer, -1});
    return top;
}

void draw_consent(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float width = std::min(a.inner_width(), 960.0f);
    const float left = (a.width - width) / 2;
    draw_text_size_button_top_right(call, a.margin / 2);
    float y = a.portrait ? 200.0f : a.margin / 2 + text_size_button_size(fonts).y + 24;
    const std::string saved = tr("Thank you. Your answers are saved.");
    const std::string ask =
        tr("Would you tell us a little about yourself? It helps the council see who it is hearing from, and who it is "
           "missing.");
    const std::string choice =
        tr("It is up to you. Every question has \"Prefer not to say\", and these answers are kept apart from the ones "
           "you just gave, so nobody can put them together.");
    const float gap = 24;
    const float buttons_height = a.portrait ? 2 * 110 + gap : 110;
    // Big text: the two paragraphs step down (the ask first) so the answers stay on the screen.
    const float room = a.height - a.margin / 2 - buttons_height - (a.portrait ? 80.0f : 40.0f) - y -
                       wrapped_text_height(fonts.heading, saved, width) - 28 - 20;
    ImFont* ask_font = font_that_fits(fonts.body, ask, width, room - wrapped_text_height(fonts.small, choice, width));
    ImFont* choice_font = font_that_fits(fonts.small, choice, width, room - wrapped_text_height(ask_font, ask, width));
    y += draw_wrapped_text(a.draw, fonts.heading, saved, ImVec2(left, y), width, palette().text, Align::centre);
    y += 28;
    y += draw_wrapped_text(a.draw, ask_font, ask, ImVec2(left, y), width, palette().text, Align::centre);
    y += 20;
    y += draw_wrapped_text(a.draw, choice_font, choice, ImVec2(left, y), width, palette().muted_text, Align::centre);
    y += a.portrait ? 80.0f : 40.0f;
    const float button_width = a.portrait ? width : (width - gap) / 2;
    tap(call,
        button("about-you-yes", tr("Yes, I'll answer"), ImVec2(left, y), ImVec2(button_width, 110))
            .primary()
            .in(fonts.heading),
        {IntentKind::about_you_yes});
    const ImVec2 no_at = a.portrait ? ImVec2(left, y + 110 + gap) : ImVec2(left + button_width + gap, y);
    tap(call, button("about-you-no", tr("No thanks"), no_at, ImVec2(button_width, 110)).in(fonts.heading),
        {IntentKind::about_you_no});
}

// The postcode district: typed on the keyboard, with why we ask. The progress line sits under
// the header, to leave the heading its row. Very large text on its side: the heading steps down
// a size, then the progress line joins why we ask beside the box, to leave the box room above
// the keyboard.
void draw_district(const ScreenCall& call, const std::string& question, const std::string& progress, float bottom_row) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const KioskState& s = call.state;
    const float keyboard_top = bottom_row - 16 - on_screen_keyboard_height(call, KeyboardUse::code);
    const float progress_height = one_line_height(fonts.small) + 16;
    const float box_height = kCodeBoxHeight, box_width = 320;
    const bool step_down = typing_header_bottom(call, question) + progress_height + box_height + 8 > keyboard_top;
    float y = draw_typing_header(call, question, std::nullopt, step_down ? fonts.body : fonts.heading);
    const bool progress_beside = !a.portrait && y + progress_height + box_height + 8 > keyboard_top;
    if (progress_beside) {
        y += 16;
    } else {
        draw_text_line(a.draw, fonts.small, ImVec2(a.margin, y + 4), palette().muted_text, progress);
        y += progress_height;
    }
    const std::string hint = tr("Just the first part, like RV1: it shows which areas took part, not where you live.");
    // Upright, why we ask goes over the box; on its side, where the two do not fit above the
    // keyboard (very large text), it goes beside the box, and a refusal takes its place there.
    const bool beside =
        progress_beside ||
        (!a.portrait && y + wrapped_text_height(fonts.small, hint, a.inner_width()) + 16 + box_height > keyboard_top);
    if (!beside) {
        ImFont* hint_font = font_that_fits(fonts.small, hint, a.inner_width(), keyboard_top - y - box_height - 40);
        y += draw_wrapped_text(a.draw, hint_font, hint, ImVec2(a.margin, y), a.inner_width(), palette().text);
        y += 16;
    }
    const ImVec2 box_min(a.margin, y), box_max(a.margin + box_width, y + box_height);
    a.draw->AddRectFilled(box_min, box_max, palette().surface, 12);
    a.draw->AddRect(box_min, box_max, palette().primary, 12, 0, 4);
    const std::string shown = s.typed_code + "|";
    draw_text_line(a.draw, fonts.heading,
                   ImVec2(box_min.x + 24, box_min.y + (box_height - one_line_height(fonts.heading, shown)) / 2),
                   palette().text, shown);
    const float side_width = a.width - a.margin - box_max.x - 24;
    float side_y = y;
    if (progress_beside) {
        draw_text_line(a.draw, fonts.small, ImVec2(box_max.x + 24, side_y), palette().muted_text, progress);
        side_y += one_line_height(fonts.small) + 8;
    }
    const std::string side = s.notice.empty() ? (beside ? hint : std::string()) : tr(s.notice);
    if (!side.empty())
        draw_wrapped_text(a.draw, font_that_fits(fonts.small, side, side_width, keyboard_top - 8 - side_y), side,
                          ImVec2(box_max.x + 24, side_y), side_width,
                          s.notice.empty() ? palette().text : palette().warning_edge);
    const float keyboard_width = std::min(a.inner_width(), 1100.0f);
    draw_on_screen_keyboard(call, ImVec2(a.margin + (a.inner_width() - keyboard_width) / 2, keyboard_top),
                            keyboard_width, KeyboardUse::code, tr("Next"));
}

}  // namespace

// "About you": consent first, then one question a screen, each with tr("Prefer not to say").
void draw_about_you_screen(const ScreenCall& call) {
    const KioskState& s = call.state;
    if (s.screen == Screen::about_you_consent) return draw_consent(call);
    const auto& questions = call.view.campaign.about_you.questions;
    if (s.about_index < 0 || s.about_index >= static_cast<int>(questions.size())) return;
    const AboutYouQuestion& q = questions[static_cast<std::size_t>(s.about_index)];
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const auto& lang = call.view.language;

    const float bottom_row = draw_back_and_prefer_not(call);
    float y = a.margin / 2 + 8;
    const std::string progress =
        fill(tr("About you: {1} of {2}"), {std::to_string(s.about_index + 1), std::to_string(questions.size())});
    if (q.postcode_district) return draw_district(call, q.text.in(lang), progress, bottom_row);
    const float room = draw_question_buttons_top_right(call, y);
    const float buttons_bottom = a.margin / 2 + 8 + text_size_button_size(fonts).y;
    // "About you: 1 of 3" and the question beside the corner buttons, or under them when squeezed.
    const bool beside =
        text_width(fonts.small, progress) <= room && reads_well_in(fonts.heading, q.text.in(lang), room);
    if (!beside) y = buttons_bottom + 12;
    draw_text_line(a.draw, fonts.small, ImVec2(a.margin, y), palette().muted_text, progress);
    y += one_line_height(fonts.small) + 12;
    y += draw_wrapped_text(a.draw, fonts.heading, q.text.in(lang), ImVec2(a.margin, y), beside ? room : a.inner_width(),
                           palette().text);
    y = std::max(y, buttons_bottom) + 24;
    ChoiceGrid grid;
    grid.id_prefix = "about-answer-";
    for (const auto& option : q.options) grid.labels.push_back(option.in(lang));
    grid.kind = IntentKind::about_you_answer;
    if (const auto given = s.about_answers.find(q.id);
        given != s.about_answers.end() && given->second != kPreferNotToSay)
        grid.selected = std::atoi(given->second.c_str());
    grid.columns = a.portrait ? 2 : (q.options.size() > 4 ? 4 : 2);
    // The answers give up height (never under a comfortable touch) to stay above the bottom row.
    const int rows = static_cast<int>((q.options.size() + static_cast<std::size_t>(grid.columns) - 1) /
                                      static_cast<std::size_t>(grid.columns));
    const float grid_room = bottom_row - 28 - y;
    grid.button_height =
        rows > 0 ? std::clamp((grid_room - 16 * static_cast<float>(rows - 1)) / static_cast<float>(rows), 72.0f, 96.0f)
                 : 96.0f;
    draw_choice_grid(call, grid, y);
}

}  // namespace sv
