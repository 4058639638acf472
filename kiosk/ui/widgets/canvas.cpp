#include "canvas.hpp"

#include <algorithm>
#include <cmath>

namespace sv {

namespace {
constexpr float kDesignLongSide = 1280;
constexpr float kDesignShortSide = 800;
}  // namespace

bool believable_pixels_per_inch(float pixels_per_inch) {
    return pixels_per_inch >= 50 && pixels_per_inch <= 1000;
}

Canvas canvas_for_screen(int pixel_width, int pixel_height, float pixels_per_inch) {
    const float width = static_cast<float>(std::max(pixel_width, 1));
    const float height = static_cast<float>(std::max(pixel_height, 1));
    const float long_side = std::max(width, height), short_side = std::min(width, height);
    // The largest scale at which the whole design still fits.
    const float fits = std::min(long_side / kDesignLongSide, short_side / kDesignShortSide);
    Canvas canvas;
    canvas.pixel_width = width;
    canvas.pixel_height = height;
    canvas.scale = std::min(1.0f, fits);
    if (fits > 1 && believable_pixels_per_inch(pixels_per_inch))
        canvas.scale = std::clamp(pixels_per_inch / kDesignPixelsPerInch, 1.0f, fits);
    canvas.height = height / canvas.scale;
    canvas.width = std::min(width / canvas.scale, std::max(kWidestLayout, canvas.height));
    canvas.left = std::floor((width - canvas.width * canvas.scale) / 2);  // whole pixels keep text sharp
    return canvas;
}

}  // namespace sv
