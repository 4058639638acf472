#pragma once
// The on-screen keyboard's keys for each language: what each key types, in small letters and
// capitals, row by row. Letters come first; digits and punctuation are on a page of their own.
#include <string>
#include <vector>

namespace sv {

struct KeyboardKey {
    std::string lower;
    std::string upper;  // the same as `lower` for a key without capitals
};

using KeyboardRows = std::vector<std::vector<KeyboardKey>>;

// What a screen asks for: words (a comment, a place's name) in the screen's language, or a code
// (a voter code, a postcode) in Latin letters and digits whatever the language.
enum class KeyboardUse { words, code };

constexpr std::size_t kKeysInRow = 10;

// The letters page: English's QWERTY, its top row the language's own letters (Welsh's ŵ ŷ and
// circumflexes, Polish ą ć ę ł ń ó ś ź ż) or, for codes and English, the digits.
const KeyboardRows& letter_rows(const std::string& language, KeyboardUse use);
// Digits and punctuation.
const KeyboardRows& symbol_rows();

// Every letter any layout types, so the fonts can draw them.
std::string every_key_text();

// The touch target's name for a key: "key-a" (capitals too), "key-1", "key-comma", "key-period",
// "key-apostrophe", "key-question", "key-space"; a letter beyond ASCII by its code point in
// hexadecimal, "key-u0105" for ą.
std::string key_target_id(const std::string& key);

}  // namespace sv
