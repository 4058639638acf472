#include "touch_button.hpp"

#include <cmath>

#include "kiosk_style.hpp"
#include "text_layout.hpp"

namespace sv {

bool touch_button(const ButtonSpec& spec, TouchTargets& targets) {
    ImGui::SetCursorScreenPos(spec.position);
    ImGui::PushID(spec.id.c_str());
    const bool clicked = ImGui::InvisibleButton("##b", spec.size) && spec.enabled;
    const bool held = ImGui::IsItemActive() && spec.enabled;
    ImGui::PopID();
    targets.add({spec.id, spec.position.x, spec.position.y, spec.size.x, spec.size.y, spec.enabled});

    ImU32 fill = palette().surface, edge = palette().outline, text = palette().text;
    float edge_width = 3;
    if (!spec.enabled) {
        fill = palette().disabled_fill;
        edge = palette().disabled_fill;
        text = palette().disabled_text;
    } else if (spec.look == ButtonLook::primary || spec.look == ButtonLook::selected) {
        fill = held ? palette().primary_pressed : palette().primary;
        edge = spec.look == ButtonLook::selected ? palette().text : palette().primary;
        edge_width = spec.look == ButtonLook::selected ? 5 : 3;
        text = palette().on_primary;
    } else if (held) {
        fill = palette().surface_pressed;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    // The border as the space between two filled shapes on whole pixels: a stroked outline
    // came out a pixel thicker on the right and bottom than on the left and top.
    const ImVec2 min(std::round(spec.position.x), std::round(spec.position.y));
    const ImVec2 max(std::round(spec.position.x + spec.size.x), std::round(spec.position.y + spec.size.y));
    constexpr float kRounding = 14;
    draw->AddRectFilled(min, max, edge, kRounding);
    draw->AddRectFilled(ImVec2(min.x + edge_width, min.y + edge_width), ImVec2(max.x - edge_width, max.y - edge_width),
                        fill, kRounding - edge_width);
    ImFont* font =
        font_that_fits(spec.font ? spec.font : ImGui::GetFont(), spec.label, spec.size.x - 16, spec.size.y - 8);
    draw_centred_text(draw, font, spec.label, min, max, text);
    return clicked;
}

}  // namespace sv
