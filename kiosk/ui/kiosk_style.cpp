#include "kiosk_style.hpp"

#include <cmath>
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

Result<KioskFontSizes> load_kiosk_fonts(const std::vector<std::string>& texts) {
    const std::string regular = first_existing(kRegularCandidates);
    const std::string bold = first_existing(kBoldCandidates);
    if (regular.empty() || bold.empty())
        return Error{"No screen font was found. Install the fonts-noto-core (or fonts-dejavu-core) package."};

    ImGuiIO& io = ImGui::GetIO();
    KioskFontSizes fonts;
    ImFontGlyphRangesBuilder builder;
    builder.AddRanges(io.Fonts->GetGlyphRangesDefault());
    builder.AddText("–—‘’“”…£€•·");
    for (const auto& t : texts) builder.AddText(t.c_str());
    builder.BuildRanges(&fonts.glyph_ranges);

    ImFontConfig config;
    config.OversampleH = 1;
    config.OversampleV = 1;
    auto add = [&](const std::string& file, float size) {
        return io.Fonts->AddFontFromFileTTF(file.c_str(), size, &config, fonts.glyph_ranges.Data);
    };
    for (TextSize size : {TextSize::standard, TextSize::large, TextSize::very_large}) {
        KioskFonts& set = fonts.sizes[static_cast<int>(size)];
        set.scale = text_scale(size);
        // Whole pixel sizes keep FreeType's hinting crisp.
        set.small = add(regular, std::round(26.0f * set.scale));
        set.body = add(regular, std::round(32.0f * set.scale));
        set.heading = add(bold, std::round(46.0f * set.scale));
        set.display = add(bold, std::round(64.0f * set.scale));
        if (!set.small || !set.body || !set.heading || !set.display)
            return Error{"The screen font " + regular + " could not be loaded."};
        set.compass = fonts.sizes[0].small;
    }
    io.Fonts->FontBuilderIO = ImGuiFreeType::GetBuilderForFreeType();
    io.Fonts->FontBuilderFlags = ImGuiFreeTypeBuilderFlags_LightHinting;
    if (!io.Fonts->Build()) return Error{"The screen fonts could not be prepared."};
    io.FontDefault = fonts.at(TextSize::standard).body;
    return fonts;
}

void apply_kiosk_style() {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.FrameRounding = 12;
    style.Colors[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colours::background);
    style.Colors[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colours::text);
}

}  // namespace sv
