#pragma once
// The top of a screen with the on-screen keyboard: its heading on the left, and on the right
// the text size button and one way out ("Cancel", "Prefer not to say").
#include <string>

#include "intent.hpp"
#include "screen_layout.hpp"

namespace sv {

struct WayOut {
    std::string id;
    std::string label;
    Intent intent;
};

// Returns the y below the header.
float draw_typing_header(const ScreenCall& call, const std::string& heading, const WayOut& way_out);

}  // namespace sv
