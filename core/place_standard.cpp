#include "place_standard.hpp"

#include <nlohmann/json.hpp>

namespace sv {

const std::array<Theme, kThemeCount>& place_standard_themes() {
    static const std::array<Theme, kThemeCount> themes{{
        {"moving-around", "Moving around", "Moving around",
         "How easy is it to walk and cycle around here, for everyday trips?"},
        {"public-transport", "Public transport", "Public transport",
         "Do buses, trains or trams take you where you need to go, when you need to?"},
        {"traffic-and-parking", "Traffic and parking", "Traffic, parking",
         "Do traffic and parking let people move around safely and meet their needs?"},
        {"streets-and-spaces", "Streets and spaces", "Streets, spaces",
         "Do the buildings, streets and public spaces make this an attractive place?"},
        {"natural-space", "Natural space", "Natural space",
         "Can you easily get to parks, green spaces, rivers or the coast and enjoy them?"},
        {"play-and-recreation", "Play and recreation", "Play",
         "Are there good places to play and to spend free time, for all ages?"},
        {"facilities-and-services", "Facilities and services", "Facilities",
         "Do shops, health services, schools and other services meet your needs?"},
        {"work-and-local-economy", "Work and local economy", "Work",
         "Is there good work and a thriving local economy nearby?"},
        {"housing-and-community", "Housing and community", "Housing",
         "Do the homes here meet the needs of the people who live here?"},
        {"social-interaction", "Social interaction", "Meeting people",
         "Are there enough places and chances to meet other people?"},
        {"identity-and-belonging", "Identity and belonging", "Belonging",
         "Does this place have a good image, and do you feel you belong here?"},
        {"feeling-safe", "Feeling safe", "Feeling safe", "Do you feel safe here, by day and by night?"},
        {"care-and-maintenance", "Care and maintenance", "Upkeep",
         "Are buildings, streets and spaces looked after well?"},
        {"influence-and-sense-of-control", "Influence and sense of control", "Having a say",
         "Do you feel able to take part in decisions and help change things here?"},
    }};
    return themes;
}

int PlaceStandardAnswers::rated_count() const {
    int n = 0;
    for (const auto& r : ratings) n += r.has_value() ? 1 : 0;
    return n;
}

std::string place_standard_payload(const PlaceStandardAnswers& answers) {
    nlohmann::json themes = nlohmann::json::array();
    for (int i = 0; i < kThemeCount; ++i) {
        nlohmann::json entry;
        entry["theme"] = place_standard_themes()[i].key;
        entry["rating"] = answers.ratings[i] ? nlohmann::json(*answers.ratings[i]) : nlohmann::json(nullptr);
        entry["comment"] = answers.comments[i];
        themes.push_back(std::move(entry));
    }
    return nlohmann::json{{"activity", "place-standard"}, {"themes", std::move(themes)}}.dump();
}

Result<PlaceStandardAnswers> parse_place_standard_payload(const std::string& payload) {
    const auto doc = nlohmann::json::parse(payload, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return Error{"The answers are not valid JSON."};
    if (doc.value("activity", "") != "place-standard") return Error{"The answers are not Place Standard ratings."};
    const auto themes = doc.find("themes");
    if (themes == doc.end() || !themes->is_array() || themes->size() != kThemeCount)
        return Error{"The answers must hold all 14 themes."};
    PlaceStandardAnswers answers;
    for (int i = 0; i < kThemeCount; ++i) {
        const auto& entry = (*themes)[i];
        const std::string expected = place_standard_themes()[i].key;
        if (!entry.is_object() || entry.value("theme", "") != expected)
            return Error{"Theme " + std::to_string(i + 1) + " should be \"" + expected + "\"."};
        const auto rating = entry.find("rating");
        if (rating == entry.end()) return Error{"Theme \"" + expected + "\" has no rating (null means skipped)."};
        if (!rating->is_null()) {
            if (!rating->is_number_integer() || *rating < kLowestRating || *rating > kHighestRating)
                return Error{"Theme \"" + expected + "\" has a rating outside 1 to 7."};
            answers.ratings[i] = rating->get<int>();
        }
        const auto comment = entry.find("comment");
        if (comment != entry.end()) {
            if (!comment->is_string()) return Error{"Theme \"" + expected + "\" has a comment that is not text."};
            answers.comments[i] = comment->get<std::string>();
            if (answers.comments[i].size() > kMaxCommentBytes)
                return Error{"Theme \"" + expected + "\" has a comment longer than 1000 bytes."};
        }
    }
    return answers;
}

}  // namespace sv
