#pragma once
// The screens are laid out for a 1280×800 tablet (800×1280 upright). A smaller screen, such as
// a 1024×600 seven-inch tablet, shows the same layout shrunk evenly: smaller but whole, where
// laying out afresh in fewer pixels would clip and overlap the text.

namespace sv {

struct Canvas {
    float scale = 1;              // screen pixels per layout unit, at most 1
    float width = 0, height = 0;  // in layout units
};

Canvas canvas_for_screen(int pixel_width, int pixel_height);

}  // namespace sv
