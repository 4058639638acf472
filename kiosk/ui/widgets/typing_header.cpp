#include "typing_header.hpp"

#include <algorithm>

#include "kiosk_style.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "viewing_buttons.hpp"

namespace sv {

float draw_typing_header(const ScreenCall& call, const std::string& heading, const WayOut& way_out) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float top = a.margin / 2;
    const ImVec2 size_button = text_size_button_size(fonts);
    // A long way out ("Gwell gen i beidio â dweud") wraps rather than push the text size button off.
    const float out_width = std::min(text_width(fonts.body, way_out.label) + 48, a.inner_width() - 16 - size_button.x);
    const float out_height = std::max(80.0f, line_height(fonts.body) + 36);
    const float out_x = a.width - a.margin - out_width;
    tap(call, button(way_out.id, way_out.label, ImVec2(out_x, top), ImVec2(out_width, out_height)).in(fonts.body),
        way_out.intent);
    const float size_x = out_x - 16 - size_button.x;
    draw_text_size_button(call, ImVec2(size_x, top + (out_height - size_button.y) / 2));
    // Beside the buttons while that leaves the heading a fair width, else on its own row below them.
    const float beside = size_x - 24 - a.margin;
    if (beside >= a.inner_width() * 0.45f && reads_well_in(fonts.heading, heading, beside)) {
        const float heading_height =
            draw_wrapped_text(a.draw, fonts.heading, heading, ImVec2(a.margin, top + 8), beside, palette().text);
        return top + std::max(out_height, heading_height + 8);
    }
    const float below = top + out_height + 16;
    return below +
           draw_wrapped_text(a.draw, fonts.heading, heading, ImVec2(a.margin, below), a.inner_width(), palette().text);
}

}  // namespace sv
