#pragma once
// The kiosk's own words in another language: one file per language, mapping each English
// phrase to its translation. English needs no file; a phrase with no translation is shown
// in English and reported, so a missing translation is found by a test, not by a citizen.
#include <map>
#include <string>
#include <vector>

#include "result.hpp"

namespace sv {

struct Translation {
    std::string language;  // "cy": the code campaigns use for the same language
    std::string own_name;  // "Cymraeg": how the language picker shows it
    bool right_to_left = false;
    std::map<std::string, std::string> phrases;  // English -> this language
};

// English: every phrase is itself.
const Translation& english_translation();

// `text` is one translation file's JSON; `source` names it in error messages.
Result<Translation> read_translation(const std::string& text, const std::string& source);

struct TranslationFolder {
    std::vector<Translation> translations;  // English first, then by language code
    std::vector<std::string> problems;      // files that could not be read, in plain words
};

// Every *.json in `folder`, plus English. A broken file is reported and left out: its language
// is then not offered, and the kiosk still starts.
TranslationFolder load_translation_folder(const std::string& folder);

}  // namespace sv
