#include "pointer_input.hpp"

#include "imgui.h"

namespace sv {

bool PointerInput::handle(const SDL_Event& event, const Canvas& canvas) {
    switch (event.type) {
        case SDL_FINGERDOWN:
        case SDL_FINGERMOTION:
        case SDL_FINGERUP:
            // Finger coordinates are fractions of the whole screen.
            x = canvas.layout_x(event.tfinger.x * canvas.pixel_width);
            y = canvas.layout_y(event.tfinger.y * canvas.pixel_height);
            if (event.type == SDL_FINGERDOWN) {
                down = true;
                press_latched = true;
                finger_lifted = false;
                lift_frame_shown = false;
            } else if (event.type == SDL_FINGERUP) {
                down = false;
                finger_lifted = true;
            }
            return true;
        case SDL_MOUSEMOTION:
            if (event.motion.which == SDL_TOUCH_MOUSEID) return true;  // already seen as a finger
            x = canvas.layout_x(static_cast<float>(event.motion.x));
            y = canvas.layout_y(static_cast<float>(event.motion.y));
            return true;
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (event.button.which == SDL_TOUCH_MOUSEID || event.button.button != SDL_BUTTON_LEFT) return true;
            x = canvas.layout_x(static_cast<float>(event.button.x));
            y = canvas.layout_y(static_cast<float>(event.button.y));
            if (event.type == SDL_MOUSEBUTTONDOWN) {
                down = true;
                press_latched = true;
            } else {
                down = false;
            }
            return true;
        default: return false;
    }
}

void PointerInput::apply_to_imgui() {
    const bool show_down = down || press_latched;
    press_latched = false;
    if (!show_down && finger_lifted) {
        // One frame with the finger up where it was (ImGui sees the click), then forget it.
        if (lift_frame_shown) {
            x = y = -1;
            finger_lifted = false;
            lift_frame_shown = false;
        } else {
            lift_frame_shown = true;
        }
    }
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = (x < 0 || y < 0) ? ImVec2(-FLT_MAX, -FLT_MAX) : ImVec2(x, y);
    io.MouseDown[0] = show_down;
}

}  // namespace sv
