#pragma once
// A boxed message for staff ("For staff: ..."), drawn in the warning colours.
#include <string>

#include "imgui.h"

namespace sv {

// Draws the box at `top_left`, `width` wide; returns its height.
float draw_staff_notice(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 top_left, float width);

}  // namespace sv
