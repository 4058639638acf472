#include <algorithm>
#include <string>

#include "kiosk_style.hpp"
#include "place_standard.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {
namespace {

void draw_progress(const ScreenCall& call, float y) {
    const ScreenArea& a = call.area;
    const auto& fonts = call.view.fonts;
    const int current = call.state.theme_index;
    const std::string label = "Question " + std::to_string(current + 1) + " of " + std::to_string(kThemeCount);
    a.draw->AddText(fonts.body, fonts.body->FontSize, ImVec2(a.margin, y), colours::muted_text, label.c_str());

    const float label_width = fonts.body->CalcTextSizeA(fonts.body->FontSize, FLT_MAX, 0, label.c_str()).x;
    const float bar_left = a.margin + label_width + 32;
    const float bar_width = a.width - a.margin - bar_left;
    const float gap = 6;
    const float segment = (bar_width - gap * (kThemeCount - 1)) / kThemeCount;
    const float bar_y = y + fonts.body->FontSize / 2 - 8;
    for (int i = 0; i < kThemeCount; ++i) {
        const ImVec2 min(bar_left + static_cast<float>(i) * (segment + gap), bar_y);
        const ImVec2 max(min.x + segment, bar_y + 16);
        if (i <= current)
            a.draw->AddRectFilled(min, max, colours::primary, 4);
        else
            a.draw->AddRect(min, max, colours::outline, 4, 0, 2);
    }
}

}  // namespace

void draw_question_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const KioskState& s = call.state;
    const auto index = static_cast<std::size_t>(s.theme_index);
    const Theme& theme = place_standard_themes()[index];
    const std::optional<int> rating = s.answers.ratings[index];
    const float width = a.inner_width();

    float y = a.margin / 2 + 8;
    draw_progress(call, y);
    y += fonts.body->FontSize + (a.portrait ? 80.0f : 36.0f);

    y += draw_wrapped_text(a.draw, fonts.heading, theme.title, ImVec2(a.margin, y), width, colours::text);
    y += 12;
    y += draw_wrapped_text(a.draw, fonts.body, theme.question, ImVec2(a.margin, y), width, colours::text);
    y += a.portrait ? 72.0f : 36.0f;

    // Seven big numbered buttons; words under the two ends say what the numbers mean.
    const float gap = a.portrait ? 10.0f : 16.0f;
    const float button_width = std::min(150.0f, (width - gap * 6) / 7);
    const float button_height = 120;
    const float row_left = a.margin + (width - (button_width * 7 + gap * 6)) / 2;
    for (int value = kLowestRating; value <= kHighestRating; ++value) {
        const bool chosen = rating && *rating == value;
        ButtonSpec button{"rating-" + std::to_string(value),
                          std::to_string(value),
                          ImVec2(row_left + static_cast<float>(value - 1) * (button_width + gap), y),
                          ImVec2(button_width, button_height),
                          chosen ? ButtonLook::selected : ButtonLook::secondary,
                          true,
                          fonts.display};
        if (touch_button(button, call.targets)) call.intents.push_back({IntentKind::rate, value, {}});
    }
    y += button_height + 10;
    const float end_label_width = std::min(width / 2 - 10, button_width * 3);
    const float left_height = draw_wrapped_text(a.draw, fonts.small, "1 = a lot to improve", ImVec2(row_left, y),
                                                end_label_width, colours::text, Align::left);
    const float row_right = row_left + button_width * 7 + gap * 6;
    const float right_height =
        draw_wrapped_text(a.draw, fonts.small, "7 = very little to improve", ImVec2(row_right - end_label_width, y),
                          end_label_width, colours::text, Align::right);
    y += std::max(left_height, right_height) + (a.portrait ? 60.0f : 28.0f);

    // Optional comment.
    const std::string& comment = s.answers.comments[index];
    const float comment_width = std::min(width, 520.0f);
    ButtonSpec comment_button{"comment",
                              comment.empty() ? "Add a comment (optional)" : "Change your comment",
                              ImVec2(a.margin, y),
                              ImVec2(comment_width, 88),
                              ButtonLook::secondary,
                              true,
                              fonts.body};
    if (touch_button(comment_button, call.targets)) call.intents.push_back({IntentKind::open_comment, 0, {}});
    if (!comment.empty()) {
        std::string preview = comment.size() > 90 ? comment.substr(0, 87) + "..." : comment;
        const bool beside = !a.portrait && width - comment_width > 300;
        const ImVec2 at = beside ? ImVec2(a.margin + comment_width + 24, y + 4) : ImVec2(a.margin, y + 100);
        const float preview_width = beside ? width - comment_width - 24 : width;
        draw_wrapped_text(a.draw, fonts.small, "\u201C" + preview + "\u201D", at, preview_width, colours::muted_text);
    }

    // Bottom row: back, skip, next.
    const float bar_height = 100;
    const float bar_y = a.height - a.margin / 2 - bar_height - 8;
    const float bar_gap = 20;
    const float unit = (width - 2 * bar_gap) / 10;
    const bool last = s.theme_index == kThemeCount - 1;
    if (!rating) {
        draw_wrapped_text(a.draw, fonts.small, "Choose a number, or skip this one.",
                          ImVec2(a.margin, bar_y - fonts.small->FontSize * 1.2f - 12), width, colours::muted_text,
                          Align::right);
    }
    ButtonSpec back{"back", "Back",    ImVec2(a.margin, bar_y), ImVec2(unit * 3, bar_height), ButtonLook::secondary,
                    true,   fonts.body};
    ButtonSpec skip{"skip",
                    "Skip this one",
                    ImVec2(a.margin + unit * 3 + bar_gap, bar_y),
                    ImVec2(unit * 3.5f, bar_height),
                    ButtonLook::secondary,
                    true,
                    fonts.body};
    ButtonSpec next{"next",
                    last ? "Finish" : "Next",
                    ImVec2(a.margin + unit * 6.5f + bar_gap * 2, bar_y),
                    ImVec2(unit * 3.5f, bar_height),
                    ButtonLook::primary,
                    rating.has_value(),
                    fonts.heading};
    if (touch_button(back, call.targets)) call.intents.push_back({IntentKind::back, 0, {}});
    if (touch_button(skip, call.targets)) call.intents.push_back({IntentKind::skip, 0, {}});
    if (touch_button(next, call.targets)) call.intents.push_back({IntentKind::next, 0, {}});
}

}  // namespace sv
