#include "text_size.hpp"

namespace sv {

float text_scale(TextSize size) {
    switch (size) {
        case TextSize::standard: return 1.0f;
        case TextSize::large: return 1.25f;
        case TextSize::very_large: return 1.5f;
    }
    return 1.0f;
}

TextSize next_text_size(TextSize size) {
    switch (size) {
        case TextSize::standard: return TextSize::large;
        case TextSize::large: return TextSize::very_large;
        case TextSize::very_large: return TextSize::standard;
    }
    return TextSize::standard;
}

const char* text_size_words(TextSize size) {
    switch (size) {
        case TextSize::standard: return "Standard";
        case TextSize::large: return "Large";
        case TextSize::very_large: return "Very large";
    }
    return "Standard";
}

}  // namespace sv
