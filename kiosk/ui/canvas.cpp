#include "canvas.hpp"

#include <algorithm>

namespace sv {

namespace {
constexpr float kDesignLongSide = 1280;
constexpr float kDesignShortSide = 800;
}  // namespace

Canvas canvas_for_screen(int pixel_width, int pixel_height) {
    const float width = static_cast<float>(std::max(pixel_width, 1));
    const float height = static_cast<float>(std::max(pixel_height, 1));
    const float long_side = std::max(width, height), short_side = std::min(width, height);
    Canvas canvas;
    canvas.scale = std::min({1.0f, long_side / kDesignLongSide, short_side / kDesignShortSide});
    canvas.width = width / canvas.scale;
    canvas.height = height / canvas.scale;
    return canvas;
}

}  // namespace sv
