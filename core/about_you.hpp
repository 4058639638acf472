#pragma once
// "About you": optional questions after a response, asked only with consent, each with
// "Prefer not to say". The answers are stored as a response of their own, with their own id
// and only the day as time, so a ballot cannot be linked back to the person who cast it.
#include <map>
#include <string>
#include <vector>

#include "local_text.hpp"
#include "result.hpp"

namespace sv {

constexpr const char* kAboutYouActivity = "about-you";
constexpr const char* kPreferNotToSay = "prefer-not-to-say";

struct AboutYouQuestion {
    std::string id;
    LocalText text;
    std::vector<LocalText> options;  // empty for the postcode district, which is typed
    bool postcode_district = false;
};

// Who lives in the area, for comparing with who answered: per question, the percentage of
// people in each of its options (in option order), from a named source such as the census.
struct ReferenceProfile {
    std::string source;  // "Census 2021, Riverside ward, everyone"
    std::map<std::string, std::vector<double>> percent_by_question;
};

struct AboutYou {
    std::vector<AboutYouQuestion> questions;
    ReferenceProfile reference;
    bool offered() const { return !questions.empty(); }
    const AboutYouQuestion* question(const std::string& id) const;
};

// The age bands every campaign asking ages uses, so results compare across events.
AboutYouQuestion age_band_question();
AboutYouQuestion postcode_district_question();

// Answer by question id: an option's index as text, a district ("RV1"), or kPreferNotToSay.
using AboutYouAnswers = std::map<std::string, std::string>;

std::string about_you_payload(const AboutYouAnswers& answers);
Result<AboutYouAnswers> parse_about_you_payload(const AboutYou& about, const std::string& payload);

}  // namespace sv
