#pragma once
// A budget project's picture: whole on its details page, cropped to a thumbnail on its card.
#include <string>

#include "imgui.h"
#include "view_context.hpp"

namespace sv {

// The project's picture, when the campaign has one and it could be shown.
const Picture* project_picture(const ViewContext& view, const std::string& project_id);
// Draws the whole picture as large as fits in `box` (its own shape), from `top_left`; returns its size.
ImVec2 draw_whole_picture(ImDrawList* draw, const Picture& picture, ImVec2 top_left, ImVec2 box, bool align_right);
// Draws the middle of the picture filling `size` exactly, cut to that shape.
void draw_picture_thumbnail(ImDrawList* draw, const Picture& picture, ImVec2 top_left, ImVec2 size);

}  // namespace sv
