#pragma once
// Touch and mouse to Dear ImGui. The stock 1.86 SDL backend ignores pushed events and
// blanks the mouse in windows without focus, so the kiosk feeds ImGui itself; headless
// tests then go through the same path as a finger on a real tablet.
#include <SDL.h>

#include "canvas.hpp"

namespace sv {

struct PointerInput {
    float x = -1, y = -1;
    bool down = false;
    bool press_latched = false;  // a tap shorter than one frame still counts
    bool finger_lifted = false;  // forget the position once the lift has been seen: no sticky hover
    bool lift_frame_shown = false;

    // Returns true when the event was a pointer event. Positions are kept in layout units.
    bool handle(const SDL_Event& event, const Canvas& canvas);
    // Call once a frame, after io.DisplaySize is set and before ImGui::NewFrame().
    void apply_to_imgui();
};

}  // namespace sv
