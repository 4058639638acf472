#include <algorithm>

#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"

namespace sv {

float draw_staff_page_top(const ScreenCall& call, const std::string& title, const std::string& back_id) {
    const ScreenArea& a = call.area;
    const float button_height = 80, back_width = 360;
    const float y = a.margin / 2;
    tap(call,
        button(back_id, "Back to the staff panel", ImVec2(a.width - a.margin - back_width, y),
               ImVec2(back_width, button_height))
            .primary()
            .in(call.view.fonts.body),
        {IntentKind::back_to_panel});
    const float title_height = draw_wrapped_text(a.draw, call.view.fonts.heading, title, ImVec2(a.margin, y + 12),
                                                 a.inner_width() - back_width - 24, palette().text);
    return y + std::max(button_height, 12 + title_height) + 12;
}

}  // namespace sv
