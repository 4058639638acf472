#pragma once
// Colours, fonts and sizes of the kiosk. Colours meet WCAG AA against the background.
#include <functional>
#include <memory>
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

// The kiosk's fonts at every text size. The standard size is baked when loaded; a bigger size
// the first time it is asked for, in an atlas (and texture) of its own, so that starting takes
// the memory and time of one size only and most people, who never press "Bigger text", cost
// nothing more. Every size covers the same letters: a language button needs no new baking.
class KioskFontSizes {
public:
    // Makes the drawing texture of a freshly baked atlas and returns its id; the atlas's own
    // pixels are then freed. None where nothing is drawn (layout tests): the pixels stay.
    using MakeTexture = std::function<Result<ImTextureID>(ImFontAtlas& baked)>;

    KioskFontSizes() = default;
    KioskFontSizes(KioskFontSizes&&) = default;
    KioskFontSizes& operator=(KioskFontSizes&&) = default;

    // One size's fonts, baked now if this is its first use (a dozen milliseconds). A size that
    // cannot be baked (no memory for its atlas) is shown in the standard size, and said once
    // on stderr.
    const KioskFonts& at(TextSize size);
    bool is_baked(TextSize size) const { return sizes_[static_cast<int>(size)].body != nullptr; }
    // Textures for every size baked so far are made now, and for each size baked later then.
    Status set_make_texture(MakeTexture make_texture);

private:
    friend Result<KioskFontSizes> load_kiosk_fonts(const std::vector<std::string>& texts, float sharpness);
    // What every size is baked from.
    struct Recipe {
        std::string regular_path, bold_path;
        std::shared_ptr<const std::vector<ImWchar>> glyph_ranges;  // zero-ended
        float sharpness = 1;
    };
    struct BakedSize {
        std::unique_ptr<ImFontAtlas> atlas;
        KioskFonts fonts;
    };
    static Result<KioskFonts> bake(const Recipe& recipe, TextSize size, ImFontAtlas& atlas);
    static Result<BakedSize> bake_own_atlas(const Recipe& recipe, TextSize size);
    void take_up(TextSize size, Result<BakedSize> baked);
    Status give_texture(ImFontAtlas& atlas);

    Recipe recipe_;
    KioskFonts sizes_[kTextSizeCount];
    std::unique_ptr<ImFontAtlas> own_atlases_[kTextSizeCount];
    MakeTexture make_texture_;
    bool could_not_bake_[kTextSizeCount] = {};
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

// Bakes the kiosk's four fonts at the standard text size with FreeType, covering every
// character in `texts`; the other sizes are baked on first use. ImGui's default font becomes
// the font of its own atlas (io.Fonts), which nothing draws from.
// `sharpness`: screen pixels per layout unit the letters are baked for (the fonts' sizes stay in
// layout units), so a screen that scales the layout up still shows sharp letters.
Result<KioskFontSizes> load_kiosk_fonts(const std::vector<std::string>& texts, float sharpness = 1);
void apply_kiosk_style();

}  // namespace sv
