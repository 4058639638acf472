#pragma once
// Scripts Dear ImGui cannot draw: Urdu (Arabic script, Nastaliq, right to left) and Punjabi
// (Gurmukhi) need their letters joined and reordered by a text shaper. The app provides one;
// text_layout asks it for a picture of each line holding such letters and draws that picture
// in the text's colour. Everything else stays with ImGui's fonts.
#include <string>

#include "imgui.h"

namespace sv {

// A line of text as a picture: white letters on clear, to be tinted when drawn.
struct ShapedLine {
    ImTextureID texture = nullptr;
    float width = 0, height = 0;
};

class TextShaper {
public:
    virtual ~TextShaper() = default;
    // Width of `text` on one line at `pixel_size`, without drawing it.
    virtual float width(const std::string& text, float pixel_size, bool bold) = 0;
    // The picture of `text` on one line; kept by the shaper, valid until the next frame at least.
    virtual ShapedLine line(const std::string& text, float pixel_size, bool bold) = 0;
    // Distance between wrapped lines of `text` at `pixel_size` (Nastaliq stands much taller than Latin).
    virtual float line_height(const std::string& text, float pixel_size) = 0;
};

// Latin stands for every script ImGui's own fonts draw.
enum class Script { latin, arabic, gurmukhi };
Script script_of(unsigned codepoint);

// `text` holds Arabic-script or Gurmukhi letters.
bool needs_shaping(const std::string& text);
// The first letter with a direction is right-to-left (Arabic script): the text reads from the right.
bool reads_right_to_left(const std::string& text);

// The shaper of the frame being drawn; null when none was set (then such text draws unshaped).
TextShaper* text_shaper();

class UseTextShaper {
public:
    explicit UseTextShaper(TextShaper* shaper);
    ~UseTextShaper();
    UseTextShaper(const UseTextShaper&) = delete;
    UseTextShaper& operator=(const UseTextShaper&) = delete;

private:
    TextShaper* previous_;
};

}  // namespace sv
