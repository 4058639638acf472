#include <algorithm>
#include <cmath>
#include <string>

#include "compass.hpp"
#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {

void draw_thanks_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const KioskState& s = call.state;
    const float label_room = compass_label_room(fonts);

    // Landscape: compass on the left, words on the right. Portrait: words on top.
    const float text_width = a.portrait ? a.inner_width() : std::min(440.0f, a.inner_width() * 0.36f);
    const float text_left = a.portrait ? a.margin : a.width - a.margin - text_width;
    float y = a.portrait ? a.margin : a.margin + 40;
    y += draw_wrapped_text(a.draw, fonts.display, "Thank you!", ImVec2(text_left, y), text_width, colours::text);
    y += 12;
    y += draw_wrapped_text(a.draw, fonts.body, "Your answers are saved.", ImVec2(text_left, y), text_width,
                           colours::text);
    y += 16;
    y += draw_wrapped_text(a.draw, fonts.small,
                           "This is how you rated your area. Near the middle: a lot to improve. "
                           "Near the edge: very little to improve.",
                           ImVec2(text_left, y), text_width, colours::muted_text);

    const float button_height = 110;
    const float button_y = a.height - a.margin - button_height;
    const int seconds = static_cast<int>(std::ceil(std::max(0.0, s.thanks_seconds_left)));
    const std::string countdown = "This screen clears in " + std::to_string(seconds) + " seconds.";
    draw_wrapped_text(a.draw, fonts.small, countdown, ImVec2(text_left, button_y - fonts.small->FontSize * 1.2f - 14),
                      text_width, colours::muted_text);
    ButtonSpec finish{
        "finish", "Finish",     ImVec2(text_left, button_y), ImVec2(text_width, button_height), ButtonLook::primary,
        true,     fonts.heading};
    if (touch_button(finish, call.targets)) call.intents.push_back({IntentKind::finish, 0, {}});

    // The compass fills what is left.
    float left = a.margin, right = a.portrait ? a.width - a.margin : text_left - 24;
    float top = a.portrait ? y + 24 : a.margin;
    float bottom = a.portrait ? button_y - fonts.small->FontSize * 1.2f - 30 : a.height - a.margin;
    const float radius = std::max(60.0f, std::min((right - left) / 2 - label_room, (bottom - top) / 2 - 40));
    draw_compass(a.draw, fonts, ImVec2((left + right) / 2, (top + bottom) / 2), radius, s.answers);
}

}  // namespace sv
