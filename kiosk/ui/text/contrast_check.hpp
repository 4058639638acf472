#pragma once
// Measures, on a drawn frame, how well each piece of text stands out from what is behind it,
// as WCAG 2.2 computes contrast: from the pixels, not from the colours we meant to use.
#include <cstdint>
#include <string>
#include <vector>

#include "placed_text.hpp"

namespace sv {

struct FramePixels {
    int width = 0, height = 0;
    std::vector<std::uint32_t> rgb;  // 0xRRGGBB, row after row

    std::uint32_t at(int x, int y) const {
        return rgb[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x)];
    }
};

// WCAG contrast ratio of two colours, 1 to 21.
double contrast_ratio(std::uint32_t a, std::uint32_t b);

struct TextContrast {
    std::string text;
    double ratio = 0;
};

// For each placed text (in layout units; `scale` screen pixels per unit): the commonest colour
// in its box is taken as its background, the pixel least like that as its ink.
std::vector<TextContrast> measure_text_contrast(const FramePixels& frame, const PlacedTexts& texts, float scale);

}  // namespace sv
