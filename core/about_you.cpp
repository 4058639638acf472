#include "about_you.hpp"

#include "eligibility.hpp"

#include <nlohmann/json.hpp>

namespace sv {
namespace {

LocalText english(const char* text) {
    LocalText t;
    t.by_language["en"] = text;
    return t;
}

}  // namespace

const AboutYouQuestion* AboutYou::question(const std::string& id) const {
    for (const auto& q : questions)
        if (q.id == id) return &q;
    return nullptr;
}

AboutYouQuestion age_band_question() {
    AboutYouQuestion q;
    q.id = "age";
    q.text = english("How old are you?");
    for (const char* band :
         {"Under 16", "16 to 24", "25 to 34", "35 to 44", "45 to 54", "55 to 64", "65 to 74", "75 or over"})
        q.options.push_back(english(band));
    return q;
}

AboutYouQuestion postcode_district_question() {
    AboutYouQuestion q;
    q.id = "district";
    q.text = english("What is the first part of your postcode?");
    q.postcode_district = true;
    return q;
}

std::string about_you_payload(const AboutYouAnswers& answers) {
    return nlohmann::json{{"answers", answers}}.dump();
}

Result<AboutYouAnswers> parse_about_you_payload(const AboutYou& about, const std::string& payload) {
    const auto doc = nlohmann::json::parse(payload, nullptr, false);
    if (!doc.is_object() || !doc.contains("answers") || !doc["answers"].is_object())
        return Error{"The answers about the person are not readable."};
    AboutYouAnswers answers;
    for (const auto& [id, value] : doc["answers"].items()) {
        const AboutYouQuestion* question = nullptr;
        for (const auto& q : about.questions)
            if (q.id == id) question = &q;
        if (!question) return Error{"There is no question \"" + id + "\" about the person in this campaign."};
        if (!value.is_string()) return Error{"The answer to \"" + id + "\" is not text."};
        const std::string answer = value.get<std::string>();
        bool fits = answer == kPreferNotToSay;
        if (question->postcode_district) {
            fits = fits || postcode_district(answer) == answer;
        } else {
            for (std::size_t i = 0; i < question->options.size(); ++i) fits = fits || answer == std::to_string(i);
        }
        if (!fits) return Error{"The answer to \"" + id + "\" is not one of its choices."};
        answers[id] = answer;
    }
    return answers;
}

}  // namespace sv
