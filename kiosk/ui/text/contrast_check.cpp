#include "contrast_check.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace sv {
namespace {

double channel_luminance(std::uint32_t value) {
    const double c = static_cast<double>(value & 0xFF) / 255.0;
    return c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double relative_luminance(std::uint32_t rgb) {
    return 0.2126 * channel_luminance(rgb >> 16) + 0.7152 * channel_luminance(rgb >> 8) +
           0.0722 * channel_luminance(rgb);
}

}  // namespace

double contrast_ratio(std::uint32_t a, std::uint32_t b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<TextContrast> measure_text_contrast(const FramePixels& frame, const PlacedTexts& texts, float scale) {
    std::vector<TextContrast> measured;
    for (const PlacedText& t : texts.items) {
        const int left = std::max(0, static_cast<int>(std::floor(t.min.x * scale)));
        const int top = std::max(0, static_cast<int>(std::floor(t.min.y * scale)));
        const int right = std::min(frame.width, static_cast<int>(std::ceil(t.max.x * scale)));
        const int bottom = std::min(frame.height, static_cast<int>(std::ceil(t.max.y * scale)));
        if (right <= left || bottom <= top) continue;
        std::unordered_map<std::uint32_t, int> seen;
        for (int y = top; y < bottom; ++y)
            for (int x = left; x < right; ++x) ++seen[frame.at(x, y)];
        const auto background = std::max_element(seen.begin(), seen.end(), [](const auto& a, const auto& b) {
                                    return a.second < b.second;
                                })->first;
        double best = 1;
        for (const auto& [colour, count] : seen) best = std::max(best, contrast_ratio(colour, background));
        measured.push_back({t.text, best});
    }
    return measured;
}

}  // namespace sv
