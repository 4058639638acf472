#include "problem_page.hpp"

#include <algorithm>

#include "kiosk_style.hpp"
#include "text_layout.hpp"

namespace sv {

ProblemPageLayout draw_problem_page(const ScreenCall& call, const std::string& heading, const std::string& for_citizen,
                                    const std::string& for_staff) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    ProblemPageLayout page;
    page.width = std::min(a.inner_width(), 1000.0f);
    page.left = (a.width - page.width) / 2;
    float y = a.portrait ? 200.0f : 90.0f;
    y += draw_wrapped_text(a.draw, fonts.heading, heading, ImVec2(page.left, y), page.width, palette().text);
    y += 16;
    y += draw_wrapped_text(a.draw, fonts.body, for_citizen, ImVec2(page.left, y), page.width, palette().text);
    y += 32;

    const float pad = 24;
    const std::string shown = "For staff: " + for_staff;
    const float box_height = wrapped_text_height(fonts.small, shown, page.width - 2 * pad) + 2 * pad;
    const ImVec2 top_left(page.left, y), bottom_right(page.left + page.width, y + box_height);
    a.draw->AddRectFilled(top_left, bottom_right, palette().warning_fill, 12);
    a.draw->AddRect(top_left, bottom_right, palette().warning_edge, 12, 0, 3);
    draw_wrapped_text(a.draw, fonts.small, shown, ImVec2(page.left + pad, y + pad), page.width - 2 * pad,
                      palette().text);
    page.bottom = y + box_height;
    return page;
}

}  // namespace sv
