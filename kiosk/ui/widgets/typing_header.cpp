#include "typing_header.hpp"

#include <algorithm>

#include "kiosk_style.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

// Where the header's parts go, worked out once for measuring and drawing alike.
struct HeaderPlan {
    float top = 0;
    float out_x = 0, out_width = 0, out_height = 0;
    float size_x = 0;
    bool heading_beside = false;
    float heading_width = 0;
    float heading_top = 0;
    float bottom = 0;
};

HeaderPlan plan_header(const ScreenCall& call, const std::string& heading, const std::optional<WayOut>& way_out,
                       ImFont* font) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const ImVec2 size_button = text_size_button_size(fonts);
    HeaderPlan plan;
    plan.top = a.margin / 2;
    // A long way out ("Gwell gen i beidio â dweud") wraps rather than push the text size button off.
    plan.out_width =
        way_out ? std::min(text_width(fonts.body, way_out->label) + 48, a.inner_width() - 16 - size_button.x) : 0;
    plan.out_height = way_out ? std::max(80.0f, line_height(fonts.body) + 36) : size_button.y;
    plan.out_x = a.width - a.margin - plan.out_width;
    plan.size_x = way_out ? plan.out_x - 16 - size_button.x : a.width - a.margin - size_button.x;
    // Beside the buttons while that leaves the heading a fair width, else on its own row below them.
    const float beside = plan.size_x - 24 - a.margin;
    plan.heading_beside = beside >= a.inner_width() * 0.45f && reads_well_in(font, heading, beside);
    if (plan.heading_beside) {
        plan.heading_width = beside;
        plan.heading_top = plan.top + 8;
        plan.bottom = plan.top + std::max(plan.out_height, wrapped_text_height(font, heading, beside) + 8);
    } else {
        plan.heading_width = a.inner_width();
        plan.heading_top = plan.top + plan.out_height + 16;
        plan.bottom = plan.heading_top + wrapped_text_height(font, heading, plan.heading_width);
    }
    return plan;
}

}  // namespace

float typing_header_bottom(const ScreenCall& call, const std::string& heading, const std::optional<WayOut>& way_out,
                           ImFont* font) {
    return plan_header(call, heading, way_out, font ? font : call.view.fonts.heading).bottom;
}

float draw_typing_header(const ScreenCall& call, const std::string& heading, const std::optional<WayOut>& way_out,
                         ImFont* font) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    if (!font) font = fonts.heading;
    const HeaderPlan plan = plan_header(call, heading, way_out, font);
    if (way_out)
        tap(call,
            button(way_out->id, way_out->label, ImVec2(plan.out_x, plan.top), ImVec2(plan.out_width, plan.out_height))
                .in(fonts.body),
            way_out->intent);
    draw_text_size_button(call, ImVec2(plan.size_x, plan.top + (plan.out_height - text_size_button_size(fonts).y) / 2));
    draw_wrapped_text(a.draw, font, heading, ImVec2(a.margin, plan.heading_top), plan.heading_width, palette().text);
    return plan.bottom;
}

}  // namespace sv
