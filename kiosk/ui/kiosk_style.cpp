#include "kiosk_style.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>

#include "imgui_freetype.h"

namespace sv {
namespace {

// Debian's font packages: fonts-noto-core, else fonts-dejavu-core.
const char* const kRegularCandidates[] = {"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                          "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"};
const char* const kBoldCandidates[] = {"/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
                                       "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"};

template <std::size_t N>
std::string first_existing(const char* const (&paths)[N]) {
    for (const char* p : paths)
        if (std::ifstream(p).good()) return p;
    return {};
}

}  // namespace

namespace {
thread_local const Palette* active_palette = nullptr;
}

const Palette& standard_palette() {
    static const Palette colours{
        IM_COL32(0xF7, 0xF5, 0xF0, 0xFF),  // background
        IM_COL32(0x1A, 0x1A, 0x1A, 0xFF),  // text
        IM_COL32(0x4A, 0x4A, 0x4A, 0xFF),  // muted_text: 8.3:1 on background
        IM_COL32(0x1F, 0x4E, 0x79, 0xFF),  // primary: white text on it 8.9:1
        IM_COL32(0x15, 0x36, 0x55, 0xFF),  // primary_pressed
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // surface
        IM_COL32(0xDD, 0xE6, 0xEE, 0xFF),  // surface_pressed
        IM_COL32(0x5A, 0x5A, 0x5A, 0xFF),  // outline: 6.5:1
        IM_COL32(0xE4, 0xE2, 0xDD, 0xFF),  // disabled_fill
        IM_COL32(0x5E, 0x5E, 0x5E, 0xFF),  // disabled_text: 5.3:1 on disabled_fill
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // on_primary
        IM_COL32(0xFD, 0xEC, 0xEA, 0xFF),  // warning_fill
        IM_COL32(0xA3, 0x1F, 0x11, 0xFF),  // warning_edge
        IM_COL32(0x1A, 0x1A, 0x1A, 0xB0),  // dim_behind: behind a question over the screen
        IM_COL32(0xC8, 0xC4, 0xBC, 0xFF),  // compass_grid
        IM_COL32(0x1F, 0x4E, 0x79, 0x55),  // compass_fill
    };
    return colours;
}

const Palette& high_contrast_palette() {
    static const Palette colours{
        IM_COL32(0x00, 0x00, 0x00, 0xFF),  // background
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // text: 21:1
        IM_COL32(0xE6, 0xE6, 0xE6, 0xFF),  // muted_text: 16.9:1
        IM_COL32(0xFF, 0xD7, 0x00, 0xFF),  // primary: yellow, black text on it 14.8:1
        IM_COL32(0xC8, 0xA8, 0x00, 0xFF),  // primary_pressed
        IM_COL32(0x00, 0x00, 0x00, 0xFF),  // surface
        IM_COL32(0x40, 0x40, 0x40, 0xFF),  // surface_pressed
        IM_COL32(0xFF, 0xFF, 0xFF, 0xFF),  // outline
        IM_COL32(0x26, 0x26, 0x26, 0xFF),  // disabled_fill
        IM_COL32(0xB8, 0xB8, 0xB8, 0xFF),  // disabled_text: 8.4:1 on disabled_fill
        IM_COL32(0x00, 0x00, 0x00, 0xFF),  // on_primary
        IM_COL32(0x3D, 0x00, 0x00, 0xFF),  // warning_fill
        IM_COL32(0xFF, 0x9E, 0x80, 0xFF),  // warning_edge: also text, 10:1 on black
        IM_COL32(0x00, 0x00, 0x00, 0xD8),  // dim_behind
        IM_COL32(0x80, 0x80, 0x80, 0xFF),  // compass_grid
        IM_COL32(0xFF, 0xD7, 0x00, 0x66),  // compass_fill
    };
    return colours;
}

const Palette& palette() {
    return active_palette ? *active_palette : standard_palette();
}

UsePalette::UsePalette(const Palette& chosen) : previous_(active_palette) {
    active_palette = &chosen;
    ImGui::GetStyle().Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(chosen.background);
    ImGui::GetStyle().Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(chosen.text);
}

UsePalette::~UsePalette() {
    active_palette = previous_;
}

namespace {

// A font baked at `sharpness` times its size, measured again in layout units: ImGui places its
// letters at the layout size and the renderer's scale brings back every baked pixel.
void measure_in_layout_units(ImFont* font, float sharpness) {
    const float shrink = 1 / sharpness;
    for (ImFontGlyph& glyph : font->Glyphs) {
        glyph.X0 *= shrink;
        glyph.Y0 *= shrink;
        glyph.X1 *= shrink;
        glyph.Y1 *= shrink;
        glyph.AdvanceX *= shrink;
    }
    font->FontSize *= shrink;
    font->Ascent *= shrink;
    font->Descent *= shrink;
    font->BuildLookupTable();
}

// A font file read once for every font baked from it: ImGui would read (and keep) a copy per
// font, half a megabyte each, while baking. Fonts point into it only while the atlas is
// built (see FontFilesLent); an atlas is never built twice here, a new campaign gets new ones.
struct FontFile {
    std::unique_ptr<char[]> bytes;
    int size = 0;
};

FontFile read_font_file(const std::string& path) {
    constexpr std::streamoff kLargestFont = 64 << 20;
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    const std::streamoff size = in ? static_cast<std::streamoff>(in.tellg()) : 0;
    if (size <= 0 || size > kLargestFont) return {};
    FontFile file{std::make_unique<char[]>(static_cast<std::size_t>(size)), static_cast<int>(size)};
    in.seekg(0);
    if (!in.read(file.bytes.get(), size)) return {};
    return file;
}

// While it lives the atlas's fonts read the files lent to them; when it goes they no longer
// point at them, so the atlas never frees what it did not allocate.
class FontFilesLent {
public:
    explicit FontFilesLent(ImFontAtlas& atlas) : atlas_(atlas) {}
    ~FontFilesLent() {
        for (ImFontConfig& font : atlas_.ConfigData) {
            font.FontData = nullptr;
            font.FontDataSize = 0;
        }
    }
    FontFilesLent(const FontFilesLent&) = delete;
    FontFilesLent& operator=(const FontFilesLent&) = delete;

private:
    ImFontAtlas& atlas_;
};

}  // namespace

Result<KioskFonts> KioskFontSizes::bake(const Recipe& recipe, TextSize size, ImFontAtlas& atlas) {
    FontFile regular = read_font_file(recipe.regular_path);
    FontFile bold = read_font_file(recipe.bold_path);
    if (!regular.bytes || !bold.bytes)
        return Error{"The screen font " + (regular.bytes ? recipe.bold_path : recipe.regular_path) +
                     " could not be read."};
    FontFilesLent lent(atlas);
    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    auto add = [&](FontFile& file, const char* name, float pixels) {
        std::snprintf(config.Name, sizeof config.Name, "%s %.0f", name, pixels);
        return atlas.AddFontFromMemoryTTF(file.bytes.get(), file.size, std::round(pixels * recipe.sharpness), &config,
                                          recipe.glyph_ranges->data());
    };
    KioskFonts set;
    set.scale = text_scale(size);
    // Whole pixel sizes keep FreeType's hinting crisp.
    set.small = add(regular, "Regular", std::round(26.0f * set.scale));
    set.body = add(regular, "Regular", std::round(32.0f * set.scale));
    set.heading = add(bold, "Bold", std::round(46.0f * set.scale));
    set.display = add(bold, "Bold", std::round(64.0f * set.scale));
    if (!set.small || !set.body || !set.heading || !set.display)
        return Error{"The screen font " + recipe.regular_path + " could not be loaded."};
    // Only as tall as its letters (not the next power of two), and no mouse pointers: a
    // touch screen shows none.
    atlas.Flags |= ImFontAtlasFlags_NoPowerOfTwoHeight | ImFontAtlasFlags_NoMouseCursors;
    atlas.FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    atlas.FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    if (!atlas.Build()) return Error{"The screen fonts could not be prepared."};
    if (recipe.sharpness != 1)
        for (ImFont* font : atlas.Fonts) measure_in_layout_units(font, recipe.sharpness);
    return set;
}

Result<KioskFontSizes::BakedSize> KioskFontSizes::bake_own_atlas(const Recipe& recipe, TextSize size) {
    auto atlas = std::make_unique<ImFontAtlas>();
    auto fonts = bake(recipe, size, *atlas);
    if (!fonts) return fonts.error();
    return BakedSize{std::move(atlas), fonts.value()};
}

void KioskFontSizes::take_up(TextSize size, Result<BakedSize> baked) {
    const int i = static_cast<int>(size);
    Status ready = ok_status();
    if (!baked) ready = baked.error();
    if (ready) ready = give_texture(*baked.value().atlas);
    if (!ready) {
        // Said once, not tried again every frame.
        std::fprintf(stderr, "streetvoice-kiosk: bigger text is shown at the standard size: %s\n",
                     ready.error().message.c_str());
        could_not_bake_[i] = true;
        return;
    }
    own_atlases_[i] = std::move(baked.value().atlas);
    sizes_[i] = baked.value().fonts;
    sizes_[i].compass = sizes_[0].small;  // see KioskFonts::compass
}

Status KioskFontSizes::give_texture(ImFontAtlas& atlas) {
    if (!make_texture_ || atlas.TexID) return ok_status();
    auto texture = make_texture_(atlas);
    if (!texture) return texture.error();
    atlas.SetTexID(texture.value());
    // The texture holds the letters now; the atlas's own pixels would only take memory.
    atlas.ClearTexData();
    return ok_status();
}

Status KioskFontSizes::set_make_texture(MakeTexture make_texture) {
    make_texture_ = std::move(make_texture);
    for (auto& atlas : own_atlases_)
        if (atlas)
            if (auto given = give_texture(*atlas); !given) return given;
    return ok_status();
}

const KioskFonts& KioskFontSizes::at(TextSize size) {
    const int i = static_cast<int>(size);
    if (!is_baked(size) && !could_not_bake_[i]) take_up(size, bake_own_atlas(recipe_, size));
    return is_baked(size) ? sizes_[i] : sizes_[0];
}

Result<KioskFontSizes> load_kiosk_fonts(const std::vector<std::string>& texts, float sharpness) {
    const std::string regular = first_existing(kRegularCandidates);
    const std::string bold = first_existing(kBoldCandidates);
    if (regular.empty() || bold.empty())
        return Error{"No screen font was found. Install the fonts-noto-core (or fonts-dejavu-core) package."};

    ImGuiIO& io = ImGui::GetIO();
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddText("–—‘’“”…£€•·");
    for (const auto& t : texts) builder.AddText(t.c_str());
    ImVector<ImWchar> ranges;
    builder.BuildRanges(&ranges);
    KioskFontSizes fonts;
    fonts.recipe_ = {regular, bold, std::make_shared<const std::vector<ImWchar>>(ranges.begin(), ranges.end()),
                     sharpness};
    auto baked = KioskFontSizes::bake_own_atlas(fonts.recipe_, TextSize::standard);
    if (!baked) return baked.error();
    fonts.own_atlases_[0] = std::move(baked.value().atlas);
    fonts.sizes_[0] = baked.value().fonts;
    fonts.sizes_[0].compass = fonts.sizes_[0].small;
    // ImGui's own atlas is never drawn from: it holds only ImGui's small default font, so that
    // the renderer backend has a texture to make. Letters come from the atlases here, each
    // texture made from its pixels directly (the backend would hold a second copy of each).
    if (io.Fonts->Fonts.empty()) io.Fonts->AddFontDefault();
    io.FontDefault = fonts.sizes_[0].body;
    return fonts;
}

void apply_kiosk_style() {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FrameRounding = 12;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(standard_palette().background);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(standard_palette().text);
}

}  // namespace sv
