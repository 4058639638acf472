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

// The letters page: English's QWERTY, its top row the language's own letters (Welsh's ŵ ŷ and
// circumflexes, Polish ą ć ę ł ń ó ś ź ż) or, for codes and English, the digits; Urdu's
// letters, right to left, and Gurmukhi's letters and vowel signs for Punjabi.
const KeyboardRows& letter_rows(const std::string& language, KeyboardUse use);
// For a language written in a script of its own (Urdu, Punjabi): its name in that script, on
// the key that brings its letters back from the Latin ones. Empty for a Latin script.
std::string own_script_name(const std::string& language);
// Digits and punctuation (Urdu's own full stop, comma and question mark for Urdu).
const KeyboardRows& symbol_rows(const std::string& language);

// Every letter any layout types, so the fonts can draw them.
std::string every_key_text();

// The touch target's name for a key: "key-a" (capitals too), "key-1", "key-comma", "key-period",
// "key-apostrophe", "key-question", "key-space"; a letter beyond ASCII by its code point in
// hexadecimal, "key-u0105" for ą.
std::string key_target_id(const std::string& key);

}  // namespace sv
