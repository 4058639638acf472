#include <algorithm>

#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "staff_notice.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {

// Shown when a save fails. The answers stay in memory until a retry succeeds.
void draw_save_failed_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float width = std::min(a.inner_width(), 1000.0f);
    const float left = (a.width - width) / 2;
    float y = a.portrait ? 200.0f : 90.0f;
    y += draw_wrapped_text(a.draw, fonts.heading, "Your answers are not saved yet", ImVec2(left, y), width,
                           colours::text);
    y += 16;
    y += draw_wrapped_text(a.draw, fonts.body,
                           "Please ask a member of staff for help. Your answers are still here and nothing has been lost.",
                           ImVec2(left, y), width, colours::text);
    y += 32;

    y += draw_staff_notice(a.draw, fonts.small, call.state.save_error, ImVec2(left, y), width) + 40;

    ButtonSpec retry{"retry", "Try again", ImVec2(left, y), ImVec2(std::min(width, 420.0f), 110), ButtonLook::primary,
                     true, fonts.heading};
    if (touch_button(retry, call.targets)) call.intents.push_back({IntentKind::retry_save, 0, {}});
}

}  // namespace sv
