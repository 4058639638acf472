#include "keyboard_layout.hpp"

#include <cctype>
#include <cstdio>

namespace sv {
namespace {

// A row of keys from UTF-8 strings of single characters, small and capital alike.
std::vector<KeyboardKey> row(std::initializer_list<const char*> lower, std::initializer_list<const char*> upper) {
    std::vector<KeyboardKey> keys;
    auto capital = upper.begin();
    for (const char* key : lower) keys.push_back({key, upper.size() ? *capital++ : key});
    return keys;
}

std::vector<KeyboardKey> ascii_row(const char* letters) {
    std::vector<KeyboardKey> keys;
    for (const char* c = letters; *c; ++c) {
        const std::string lower(1, *c);
        keys.push_back({lower, std::string(1, static_cast<char>(std::toupper(static_cast<unsigned char>(*c))))});
    }
    return keys;
}

KeyboardRows qwerty_under(std::vector<KeyboardKey> top) {
    return {std::move(top), ascii_row("qwertyuiop"), ascii_row("asdfghjkl'"), ascii_row("zxcvbnm,.?")};
}

// The first code point of a UTF-8 string.
unsigned first_code_point(const std::string& text) {
    const auto byte = [&](std::size_t i) { return i < text.size() ? static_cast<unsigned char>(text[i]) : 0u; };
    const unsigned lead = byte(0);
    if (lead < 0x80) return lead;
    if (lead < 0xE0) return ((lead & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
    if (lead < 0xF0) return ((lead & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
    return ((lead & 0x07u) << 18) | ((byte(1) & 0x3Fu) << 12) | ((byte(2) & 0x3Fu) << 6) | (byte(3) & 0x3Fu);
}

}  // namespace

const KeyboardRows& letter_rows(const std::string& language, KeyboardUse use) {
    static const KeyboardRows english = qwerty_under(ascii_row("1234567890"));
    static const KeyboardRows welsh = qwerty_under(
        row({"â", "ê", "î", "ô", "û", "ŵ", "ŷ", "ë", "ï", "á"}, {"Â", "Ê", "Î", "Ô", "Û", "Ŵ", "Ŷ", "Ë", "Ï", "Á"}));
    static const KeyboardRows polish = qwerty_under(
        row({"ą", "ć", "ę", "ł", "ń", "ó", "ś", "ź", "ż", "-"}, {"Ą", "Ć", "Ę", "Ł", "Ń", "Ó", "Ś", "Ź", "Ż", "-"}));
    // Right to left: the first key of each row is the first letter read.
    static const KeyboardRows urdu = {row({"ا", "آ", "ب", "پ", "ت", "ٹ", "ث", "ج", "چ", "ح"}, {}),
                                      row({"خ", "د", "ڈ", "ذ", "ر", "ڑ", "ز", "ژ", "س", "ش"}, {}),
                                      row({"ص", "ض", "ط", "ظ", "ع", "غ", "ف", "ق", "ک", "گ"}, {}),
                                      row({"ل", "م", "ن", "ں", "و", "ہ", "ھ", "ء", "ی", "ے"}, {})};
    // The 35 letters in their traditional order, the danda, the vowels, nukta and virama, the
    // vowel signs, bindi, tippi and addak.
    static const KeyboardRows gurmukhi = {row({"ੳ", "ਅ", "ੲ", "ਸ", "ਹ", "ਕ", "ਖ", "ਗ", "ਘ", "ਙ", "ਚ", "ਛ"}, {}),
                                          row({"ਜ", "ਝ", "ਞ", "ਟ", "ਠ", "ਡ", "ਢ", "ਣ", "ਤ", "ਥ", "ਦ", "ਧ"}, {}),
                                          row({"ਨ", "ਪ", "ਫ", "ਬ", "ਭ", "ਮ", "ਯ", "ਰ", "ਲ", "ਵ", "ੜ", "।"}, {}),
                                          row({"ਆ", "ਇ", "ਈ", "ਉ", "ਊ", "ਏ", "ਐ", "ਓ", "ਔ", "਼", "੍", "॥"}, {}),
                                          row({"ਾ", "ਿ", "ੀ", "ੁ", "ੂ", "ੇ", "ੈ", "ੋ", "ੌ", "ਂ", "ੰ", "ੱ"}, {})};
    if (use == KeyboardUse::code) return english;
    if (language == "cy") return welsh;
    if (language == "pl") return polish;
    if (language == "ur") return urdu;
    if (language == "pa") return gurmukhi;
    return english;
}

std::string own_script_name(const std::string& language) {
    if (language == "ur") return "اردو";
    if (language == "pa") return "ਪੰਜਾਬੀ";
    return "";
}

const KeyboardRows& symbol_rows(const std::string& language) {
    static const KeyboardRows symbols = {ascii_row("1234567890"), ascii_row("-/:;()&@\"!"), ascii_row("%+=*#_,.?'"),
                                         row({"£", "€", "$", "<", ">", "[", "]", "{", "}", "~"}, {})};
    static const KeyboardRows urdu_symbols = {row({"۱", "۲", "۳", "۴", "۵", "۶", "۷", "۸", "۹", "۰"}, {}),
                                              ascii_row("1234567890"),
                                              row({"۔", "،", "؟", "؛", "-", "/", ":", "(", ")", "!"}, {}),
                                              row({"%", "+", "=", "\"", "'", "@", "&", "£", "€", "$"}, {})};
    return language == "ur" ? urdu_symbols : symbols;
}

std::string every_key_text() {
    std::string text;
    for (const char* language : {"en", "cy", "pl", "ur", "pa"}) {
        for (const auto& keys : letter_rows(language, KeyboardUse::words))
            for (const auto& key : keys) text += key.lower + key.upper;
        for (const auto& keys : symbol_rows(language))
            for (const auto& key : keys) text += key.lower;
        text += own_script_name(language);
    }
    return text;
}

std::string key_target_id(const std::string& key) {
    if (key.size() == 1) {
        switch (key[0]) {
            case ' ': return "key-space";
            case ',': return "key-comma";
            case '.': return "key-period";
            case '\'': return "key-apostrophe";
            case '?': return "key-question";
            default: break;
        }
        const auto c = static_cast<unsigned char>(key[0]);
        if (std::isalnum(c)) return std::string("key-") + static_cast<char>(std::tolower(c));
    }
    char name[16];
    std::snprintf(name, sizeof name, "key-u%04x", first_code_point(key));
    return name;
}

}  // namespace sv
