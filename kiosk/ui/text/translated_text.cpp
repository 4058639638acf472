#include "translated_text.hpp"

namespace sv {
namespace {
thread_local const Translation* active_translation = nullptr;
thread_local std::set<std::string>* missing_phrases = nullptr;
}  // namespace

const Translation& translation() {
    return active_translation ? *active_translation : english_translation();
}

std::string tr(const std::string& english) {
    const Translation& t = translation();
    if (t.language == "en" || english.empty()) return english;
    if (auto it = t.phrases.find(english); it != t.phrases.end()) return it->second;
    if (missing_phrases) missing_phrases->insert(t.language + ": " + english);
    return english;
}

std::string fill(std::string pattern, std::initializer_list<std::string> values) {
    return fill_in(std::move(pattern), std::vector<std::string>(values));
}

std::string tr(const Sentence& sentence) {
    return fill_in(tr(sentence.pattern), sentence.values);
}

UseTranslation::UseTranslation(const Translation& chosen) : previous_(active_translation) {
    active_translation = &chosen;
}

UseTranslation::~UseTranslation() {
    active_translation = previous_;
}

RecordMissingPhrases::RecordMissingPhrases(std::set<std::string>& into) : previous_(missing_phrases) {
    missing_phrases = &into;
}

RecordMissingPhrases::~RecordMissingPhrases() {
    missing_phrases = previous_;
}

}  // namespace sv
