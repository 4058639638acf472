#pragma once
// A big touch button: drawn by us (no hover look, since a tablet has no hover) and
// recorded as a touch target under `id`.
#include <string>
#include <utility>

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

    // For a call site on one line: button(...).primary().enabled_if(ready).in(fonts.heading).
    ButtonSpec& primary() { return looking(ButtonLook::primary); }
    ButtonSpec& selected_if(bool chosen) { return chosen ? looking(ButtonLook::selected) : *this; }
    ButtonSpec& looking(ButtonLook how) {
        look = how;
        return *this;
    }
    ButtonSpec& enabled_if(bool usable) {
        enabled = usable;
        return *this;
    }
    ButtonSpec& in(ImFont* text_font) {
        font = text_font;
        return *this;
    }
};

// A secondary, enabled button at the default font: say only what differs.
inline ButtonSpec button(std::string id, std::string label, ImVec2 position, ImVec2 size) {
    return {std::move(id), std::move(label), position, size};
}

// True on the frame the citizen lifts their finger on the button. A label too long for its
// button at its font (a longer translation, very large text) is drawn at the largest smaller
// font that fits.
bool touch_button(const ButtonSpec& spec, TouchTargets& targets);

}  // namespace sv
