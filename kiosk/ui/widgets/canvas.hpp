#pragma once
// The screens are laid out for a 1280×800 ten-inch tablet (800×1280 upright), in layout units.
// A smaller screen, such as a 1024×600 seven-inch tablet, shows the same layout shrunk evenly:
// smaller but whole, where laying out afresh in fewer pixels would clip and overlap the text.
// A screen with more pixels gets more room; where its size on the glass is known (the display
// reports its pixels per inch, or staff set them), it is also scaled up so that text and touch
// targets stay the size they are on the tablet, as far as the design still fits. A very wide
// screen lays the screens out in a centred column, so a line of text never runs across a
// whole monitor.

namespace sv {

struct Canvas {
    float scale = 1;                          // screen pixels per layout unit
    float left = 0, top = 0;                  // where the layout starts, in screen pixels
    float width = 0, height = 0;              // in layout units
    float pixel_width = 1, pixel_height = 1;  // the whole screen, in pixels

    float layout_x(float pixel_x) const { return (pixel_x - left) / scale; }
    float layout_y(float pixel_y) const { return (pixel_y - top) / scale; }
    float pixel_x(float layout_x) const { return left + layout_x * scale; }
    float pixel_y(float layout_y) const { return top + layout_y * scale; }
};

// Pixels per inch of the 1280×800, 10.1-inch tablet the screens were designed on.
constexpr float kDesignPixelsPerInch = 150;
// The widest the layout gets, in layout units: 16:9 at the design's height.
constexpr float kWidestLayout = 1600;

// `pixels_per_inch`: the screen's density, 0 when nobody knows it.
Canvas canvas_for_screen(int pixel_width, int pixel_height, float pixels_per_inch = 0);

// What a display reports is believed only within what real screens have: EDID sizes of 0 or
// of a TV's aspect ratio in centimetres give nonsense densities.
bool believable_pixels_per_inch(float pixels_per_inch);

}  // namespace sv
