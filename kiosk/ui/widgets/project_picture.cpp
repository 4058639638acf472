#include "project_picture.hpp"

#include <algorithm>

#include "mirrored_screen.hpp"

namespace sv {

const Picture* project_picture(const ViewContext& view, const std::string& project_id) {
    if (!view.project_pictures) return nullptr;
    const auto found = view.project_pictures->find(project_id);
    return found == view.project_pictures->end() ? nullptr : &found->second;
}

namespace {

// A picture is a photograph, not writing: a mirrored (right-to-left) screen keeps it the right way round.
void draw_picture(ImDrawList* draw, const Picture& picture, ImVec2 min, ImVec2 max, ImVec2 uv_min, ImVec2 uv_max) {
    const int first_vertex = draw->VtxBuffer.Size;
    draw->AddImageRounded(picture.texture, min, max, uv_min, uv_max, IM_COL32_WHITE, 12);
    keep_unflipped(draw, first_vertex, min.x, max.x);
}

}  // namespace

ImVec2 draw_whole_picture(ImDrawList* draw, const Picture& picture, ImVec2 top_left, ImVec2 box, bool align_right) {
    if (picture.width <= 0 || picture.height <= 0 || box.x <= 0 || box.y <= 0) return ImVec2(0, 0);
    const float scale = std::min(box.x / picture.width, box.y / picture.height);
    const ImVec2 shown(picture.width * scale, picture.height * scale);
    const ImVec2 at(align_right ? top_left.x + box.x - shown.x : top_left.x + (box.x - shown.x) / 2, top_left.y);
    draw_picture(draw, picture, at, ImVec2(at.x + shown.x, at.y + shown.y), ImVec2(0, 0), ImVec2(1, 1));
    return shown;
}

void draw_picture_thumbnail(ImDrawList* draw, const Picture& picture, ImVec2 top_left, ImVec2 size) {
    if (picture.width <= 0 || picture.height <= 0 || size.x <= 0 || size.y <= 0) return;
    // Keep the share of the picture, across or down, that has the thumbnail's shape.
    const float picture_shape = picture.width / picture.height, shape = size.x / size.y;
    ImVec2 keep(1, 1);
    if (picture_shape > shape)
        keep.x = shape / picture_shape;
    else
        keep.y = picture_shape / shape;
    const ImVec2 uv_min((1 - keep.x) / 2, (1 - keep.y) / 2);
    draw_picture(draw, picture, top_left, ImVec2(top_left.x + size.x, top_left.y + size.y), uv_min,
                 ImVec2(uv_min.x + keep.x, uv_min.y + keep.y));
}

}  // namespace sv
