#include "touch_button.hpp"

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

    ImU32 fill = colours::surface, edge = colours::outline, text = colours::text;
    float edge_width = 3;
    if (!spec.enabled) {
        fill = colours::disabled_fill;
        edge = colours::disabled_fill;
        text = colours::disabled_text;
    } else if (spec.look == ButtonLook::primary || spec.look == ButtonLook::selected) {
        fill = held ? colours::primary_pressed : colours::primary;
        edge = spec.look == ButtonLook::selected ? colours::text : colours::primary;
        edge_width = spec.look == ButtonLook::selected ? 5 : 3;
        text = colours::on_primary;
    } else if (held) {
        fill = colours::surface_pressed;
    }
    ImDrawList* draw = ImGui::GetWindowDrawList();
    const ImVec2 max(spec.position.x + spec.size.x, spec.position.y + spec.size.y);
    draw->AddRectFilled(spec.position, max, fill, 14);
    draw->AddRect(spec.position, max, edge, 14, 0, edge_width);
    ImFont* font = spec.font ? spec.font : ImGui::GetFont();
    draw_centred_text(draw, font, spec.label, spec.position, max, text);
    return clicked;
}

}  // namespace sv
