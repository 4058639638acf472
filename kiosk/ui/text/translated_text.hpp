#pragma once
// The kiosk's own words in the language of the frame being drawn. Screens write English
// (tr("Next")); the frame's translation turns it into Welsh, Polish, Urdu or Punjabi. A phrase
// the translation lacks is shown in English and reported to whoever is listening.
#include <initializer_list>
#include <set>
#include <string>

#include "sentence.hpp"
#include "translation.hpp"

namespace sv {

// `english` in the frame's language.
std::string tr(const std::string& english);
inline std::string tr(const char* english) {
    return tr(std::string(english));
}
// `pattern` with {1}, {2}... replaced by `values` in order: "Question {1} of {2}".
std::string fill(std::string pattern, std::initializer_list<std::string> values);
// A sentence in the frame's language; its values (numbers, money, names) go in as they are.
std::string tr(const Sentence& sentence);

// The translation of the frame being drawn (English unless a UseTranslation says otherwise).
const Translation& translation();

class UseTranslation {
public:
    explicit UseTranslation(const Translation& chosen);
    ~UseTranslation();
    UseTranslation(const UseTranslation&) = delete;
    UseTranslation& operator=(const UseTranslation&) = delete;

private:
    const Translation* previous_;
};

// While one of these lives, every phrase this thread looks up and finds untranslated is
// added to `into` (as "cy: Next").
class RecordMissingPhrases {
public:
    explicit RecordMissingPhrases(std::set<std::string>& into);
    ~RecordMissingPhrases();
    RecordMissingPhrases(const RecordMissingPhrases&) = delete;
    RecordMissingPhrases& operator=(const RecordMissingPhrases&) = delete;

private:
    std::set<std::string>* previous_;
};

}  // namespace sv
