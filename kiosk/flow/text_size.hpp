#pragma once
// How big the kiosk's words are. A citizen chooses it on any screen; staff choose the size
// each new person starts with.
#include <optional>
#include <string>

#include "name_table.hpp"

namespace sv {

enum class TextSize { standard, large, very_large };
constexpr int kTextSizeCount = 3;
// As kept in the answers file's settings.
inline constexpr Spelling<TextSize> kTextSizeKeys[] = {
    {TextSize::standard, "standard"}, {TextSize::large, "large"}, {TextSize::very_large, "very-large"}};

// How much bigger than standard the text is drawn.
float text_scale(TextSize size);
// The next size up, wrapping round from the largest to standard.
TextSize next_text_size(TextSize size);
inline const char* text_size_key(TextSize size) {
    return name_of(kTextSizeKeys, size);
}
inline std::optional<TextSize> text_size_from_key(const std::string& key) {
    return value_named(kTextSizeKeys, key);
}
// For people: "Standard", "Large", "Very large".
const char* text_size_words(TextSize size);

}  // namespace sv
