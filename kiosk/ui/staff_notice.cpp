#include "staff_notice.hpp"

#include "kiosk_style.hpp"
#include "text_layout.hpp"

namespace sv {

float draw_staff_notice(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 top_left, float width) {
    const float pad = 24;
    const std::string shown = "For staff: " + text;
    const float height = wrapped_text_height(font, shown, width - 2 * pad) + 2 * pad;
    const ImVec2 bottom_right(top_left.x + width, top_left.y + height);
    draw->AddRectFilled(top_left, bottom_right, colours::warning_fill, 12);
    draw->AddRect(top_left, bottom_right, colours::warning_edge, 12, 0, 3);
    draw_wrapped_text(draw, font, shown, ImVec2(top_left.x + pad, top_left.y + pad), width - 2 * pad, colours::text);
    return height;
}

}  // namespace sv
