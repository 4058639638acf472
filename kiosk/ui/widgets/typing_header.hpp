#pragma once
// The top of a screen with the on-screen keyboard: its heading on the left, and on the right
// the text size button and, where the screen has no other, one way out ("Cancel").
#include <optional>
#include <string>

#include "intent.hpp"
#include "screen_layout.hpp"

namespace sv {

struct WayOut {
    std::string id;
    std::string label;
    Intent intent;
};

// Returns the y below the header. `font`: the heading's, when not the heading size.
float draw_typing_header(const ScreenCall& call, const std::string& heading,
                         const std::optional<WayOut>& way_out = std::nullopt, ImFont* font = nullptr);
// Where draw_typing_header would end, without drawing.
float typing_header_bottom(const ScreenCall& call, const std::string& heading,
                           const std::optional<WayOut>& way_out = std::nullopt, ImFont* font = nullptr);

}  // namespace sv
