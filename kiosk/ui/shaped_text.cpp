#include "shaped_text.hpp"

namespace sv {
namespace {

thread_local TextShaper* active_shaper = nullptr;

// Decodes the UTF-8 character at `i`, moving `i` past it; a broken byte reads as itself.
unsigned next_codepoint(const std::string& text, std::size_t& i) {
    const auto byte = [&](std::size_t at) { return static_cast<unsigned char>(text[at]); };
    const unsigned first = byte(i);
    int extra = first >= 0xF0 ? 3 : first >= 0xE0 ? 2 : first >= 0xC0 ? 1 : 0;
    unsigned code = extra == 3 ? first & 0x07 : extra == 2 ? first & 0x0F : extra == 1 ? first & 0x1F : first;
    ++i;
    while (extra-- > 0 && i < text.size() && (byte(i) & 0xC0) == 0x80) code = (code << 6) | (byte(i++) & 0x3F);
    return code;
}

bool arabic_script(unsigned c) {
    return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
           (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF);
}

bool gurmukhi(unsigned c) {
    return c >= 0x0A00 && c <= 0x0A7F;
}

bool latin_letter(unsigned c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F);
}

}  // namespace

bool needs_shaping(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned c = next_codepoint(text, i);
        if (arabic_script(c) || gurmukhi(c)) return true;
    }
    return false;
}

bool reads_right_to_left(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned c = next_codepoint(text, i);
        if (arabic_script(c)) return true;
        if (gurmukhi(c) || latin_letter(c)) return false;
    }
    return false;
}

TextShaper* text_shaper() {
    return active_shaper;
}

UseTextShaper::UseTextShaper(TextShaper* shaper) : previous_(active_shaper) {
    active_shaper = shaper;
}

UseTextShaper::~UseTextShaper() {
    active_shaper = previous_;
}

}  // namespace sv
