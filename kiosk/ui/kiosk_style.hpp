#pragma once
// Colours, fonts and sizes of the kiosk. Colours meet WCAG AA against the background.
#include <string>
#include <vector>

#include "imgui.h"
#include "result.hpp"
#include "text_size.hpp"

namespace sv {

// One text size's fonts.
struct KioskFonts {
    ImFont* small = nullptr;    // notes, compass labels
    ImFont* body = nullptr;     // questions and buttons
    ImFont* heading = nullptr;  // theme titles
    ImFont* display = nullptr;  // the rating numbers, "Thank you"
    // The compass's fourteen labels crowd each other at any bigger size, so they stay standard.
    ImFont* compass = nullptr;
    float scale = 1;  // against standard text: lengths that hold text grow with it
};

// Every text size, baked up front so that changing size never waits on FreeType.
struct KioskFontSizes {
    KioskFonts sizes[kTextSizeCount];
    ImVector<ImWchar> glyph_ranges;  // must outlive the atlas build

    const KioskFonts& at(TextSize size) const { return sizes[static_cast<int>(size)]; }
};

// The kiosk's colours. Both palettes meet WCAG 2.2 AA: text at least 4.5:1 against what it
// sits on, controls' edges at least 3:1; the layout checks measure it on every screen.
struct Palette {
    ImU32 background, text, muted_text, primary, primary_pressed, surface, surface_pressed, outline, disabled_fill,
        disabled_text, on_primary, warning_fill, warning_edge, dim_behind, compass_grid, compass_fill;
};

const Palette& standard_palette();
// White and yellow on black, for people who see a light screen poorly.
const Palette& high_contrast_palette();

// The palette of the frame being drawn (standard unless a UsePalette says otherwise).
const Palette& palette();

class UsePalette {
public:
    explicit UsePalette(const Palette& chosen);
    ~UsePalette();
    UsePalette(const UsePalette&) = delete;
    UsePalette& operator=(const UsePalette&) = delete;

private:
    const Palette* previous_;
};

// Bakes the kiosk's four fonts at every text size with FreeType, covering every character in `texts`.
// `sharpness`: screen pixels per layout unit the letters are baked for (the fonts' sizes stay in
// layout units), so a screen that scales the layout up still shows sharp letters.
Result<KioskFontSizes> load_kiosk_fonts(const std::vector<std::string>& texts, float sharpness = 1);
void apply_kiosk_style();

}  // namespace sv
