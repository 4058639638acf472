#pragma once
// A big touch button: drawn by us (no hover look, since a tablet has no hover) and
// recorded as a touch target under `id`.
#include <string>

#include "imgui.h"
#include "touch_targets.hpp"

namespace sv {

enum class ButtonLook { primary, secondary, selected };

struct ButtonSpec {
    std::string id;
    std::string label;
    ImVec2 position;
    ImVec2 size;
    ButtonLook look = ButtonLook::secondary;
    bool enabled = true;
    ImFont* font = nullptr;
};

// True on the frame the citizen lifts their finger on the button. A label too long for its
// button at its font (a longer translation, very large text) is drawn at the largest smaller
// font that fits.
bool touch_button(const ButtonSpec& spec, TouchTargets& targets);

}  // namespace sv
