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

bool latin_letter(unsigned c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= 0xC0 && c <= 0x24F);
}

}  // namespace

Script script_of(unsigned c) {
    if ((c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0x08A0 && c <= 0x08FF) ||
        (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF))
        return Script::arabic;
    // The dandas are Devanagari's, but Punjabi ends its sentences with them too.
    if ((c >= 0x0A00 && c <= 0x0A7F) || c == 0x0964 || c == 0x0965) return Script::gurmukhi;
    return Script::latin;
}

bool needs_shaping(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        if (script_of(next_codepoint(text, i)) != Script::latin) return true;
    }
    return false;
}

bool reads_right_to_left(const std::string& text) {
    for (std::size_t i = 0; i < text.size();) {
        const unsigned c = next_codepoint(text, i);
        if (script_of(c) == Script::arabic) return true;
        if (script_of(c) == Script::gurmukhi || latin_letter(c)) return false;
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
