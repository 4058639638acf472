#include <algorithm>
#include <cmath>
#include <string>

#include "dialog_card.hpp"
#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"

namespace sv {

// Over a response nobody has touched for a while: the citizen may have walked away, and
// the next person must not find their answers.
void draw_still_there_overlay(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;

    const float width = std::min(a.inner_width(), 820.0f);
    const float pad = 48;
    const float text_width = width - 2 * pad;
    const int seconds = static_cast<int>(std::ceil(std::max(0.0, call.state.still_there_seconds_left)));
    const std::string heading = tr("Are you still there?");
    const std::string body =
        fill(tr(seconds == 1 ? "Touch the button to carry on. If not, your answers will be cleared in {1} second, "
                               "so that the next person can start."
                             : "Touch the button to carry on. If not, your answers will be cleared in {1} seconds, "
                               "so that the next person can start."),
             {std::to_string(seconds)});
    const float button_height = 110;
    const float height = pad + wrapped_text_height(fonts.display, heading, text_width) + 20 +
                         wrapped_text_height(fonts.body, body, text_width) + 40 + button_height + pad;
    const float left = (a.width - width) / 2;
    float y = (a.height - height) / 2;
    draw_dialog_card(a, ImVec2(left, y), ImVec2(width, height));
    y += pad;
    y += draw_wrapped_text(a.draw, fonts.display, heading, ImVec2(left + pad, y), text_width, palette().text,
                           Align::centre);
    y += 20;
    y += draw_wrapped_text(a.draw, fonts.body, body, ImVec2(left + pad, y), text_width, palette().text, Align::centre);
    y += 40;
    tap(call,
        button("still-here", tr("Yes, I'm still here"), ImVec2(left + pad, y), ImVec2(text_width, button_height))
            .primary()
            .in(fonts.heading),
        {IntentKind::still_here});
}

}  // namespace sv
