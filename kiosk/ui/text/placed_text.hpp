#pragma once
// Where each piece of text went in the last frame, and the box it had to stay in. The
// layout checks read it to prove that no text is clipped, overlapped or off the screen,
// at every text size; drawing works the same whether anyone records or not.
#include <string>
#include <vector>

#include "imgui.h"

namespace sv {

struct PlacedText {
    std::string text;
    ImVec2 min, max;          // the ink's box: line boxes, as wide as the text is
    bool boxed = false;       // drawn inside a box (a button's label) that it must not leave
    ImVec2 box_min, box_max;  // that box
    // How it was wrapped, for the check that no text is squeezed into a column too narrow to
    // read or has a word cut in two.
    float column = 0;  // the width it was wrapped to; 0 for a line drawn whole
    float font_size = 0;
    int lines = 1;
    bool word_cut = false;  // a word wider than the column was cut between two letters
};

struct PlacedTexts {
    std::vector<PlacedText> items;
};

// While one of these lives, text drawn through text_layout.hpp on this thread is
// recorded in `into` (cleared first).
class RecordPlacedText {
public:
    explicit RecordPlacedText(PlacedTexts& into);
    ~RecordPlacedText();
    RecordPlacedText(const RecordPlacedText&) = delete;
    RecordPlacedText& operator=(const RecordPlacedText&) = delete;

private:
    PlacedTexts* previous_;
};

void note_placed_text(PlacedText placed);
// Whatever was drawn so far this frame is now hidden (an overlay covers the screen).
void forget_placed_text();
// The screen was mirrored for a right-to-left language: so is every recorded place.
void mirror_placed_text(float screen_width);

}  // namespace sv
