#include <algorithm>

#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "staff_notice.hpp"
#include "text_layout.hpp"

namespace sv {

// Shown instead of the welcome screen when the kiosk cannot run safely. No buttons: a
// citizen can do nothing here, and nothing may be written until staff have acted.
void draw_cannot_start_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float width = std::min(a.inner_width(), 1000.0f);
    const float left = (a.width - width) / 2;
    float y = a.portrait ? 200.0f : 90.0f;
    y += draw_wrapped_text(a.draw, fonts.heading, "This kiosk is not ready", ImVec2(left, y), width, colours::text);
    y += 16;
    y += draw_wrapped_text(a.draw, fonts.body, "Please ask a member of staff.", ImVec2(left, y), width, colours::text);
    y += 32;
    draw_staff_notice(a.draw, fonts.small,
                      call.state.start_problem +
                          "\n\nNothing has been deleted. Close the kiosk, put the problem right and start it again.",
                      ImVec2(left, y), width);
}

}  // namespace sv
