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

namespace colours {
constexpr ImU32 background = IM_COL32(0xF7, 0xF5, 0xF0, 0xFF);
constexpr ImU32 text = IM_COL32(0x1A, 0x1A, 0x1A, 0xFF);
constexpr ImU32 muted_text = IM_COL32(0x4A, 0x4A, 0x4A, 0xFF);  // 8.3:1 on background
constexpr ImU32 primary = IM_COL32(0x1F, 0x4E, 0x79, 0xFF);     // white text on it: 8.9:1
constexpr ImU32 primary_pressed = IM_COL32(0x15, 0x36, 0x55, 0xFF);
constexpr ImU32 surface = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
constexpr ImU32 surface_pressed = IM_COL32(0xDD, 0xE6, 0xEE, 0xFF);
constexpr ImU32 outline = IM_COL32(0x5A, 0x5A, 0x5A, 0xFF);  // controls: 6.5:1
constexpr ImU32 disabled_fill = IM_COL32(0xE4, 0xE2, 0xDD, 0xFF);
constexpr ImU32 disabled_text = IM_COL32(0x5E, 0x5E, 0x5E, 0xFF);  // 5.3:1 on disabled_fill
constexpr ImU32 on_primary = IM_COL32(0xFF, 0xFF, 0xFF, 0xFF);
constexpr ImU32 warning_fill = IM_COL32(0xFD, 0xEC, 0xEA, 0xFF);
constexpr ImU32 warning_edge = IM_COL32(0xA3, 0x1F, 0x11, 0xFF);
constexpr ImU32 dim_behind = IM_COL32(0x1A, 0x1A, 0x1A, 0xB0);  // behind a question over the screen
constexpr ImU32 compass_grid = IM_COL32(0xC8, 0xC4, 0xBC, 0xFF);
constexpr ImU32 compass_fill = IM_COL32(0x1F, 0x4E, 0x79, 0x55);
}  // namespace colours

// Bakes the kiosk's four fonts at every text size with FreeType, covering every character in `texts`.
Result<KioskFontSizes> load_kiosk_fonts(const std::vector<std::string>& texts);
void apply_kiosk_style();

}  // namespace sv
