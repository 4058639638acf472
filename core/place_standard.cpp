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

const std::array<Theme, kThemeCount>& place_standard_themes(PlaceStandardVersion version) {
    // Written for this kiosk in plain words for each age, keeping each theme's meaning; the
    // official versions' own wording and illustrations are not reproduced.
    static const std::array<Theme, kThemeCount> young_people{{
        {"moving-around", "Moving around", "Moving around",
         "Can you walk, cycle or wheel easily to school, friends and the places you go?"},
        {"public-transport", "Public transport", "Public transport",
         "Do buses and trains go where you need, when you need, at a price you can pay?"},
        {"traffic-and-parking", "Traffic and parking", "Traffic, parking",
         "Do traffic and parked cars let you get about safely?"},
        {"streets-and-spaces", "Streets and spaces", "Streets, spaces",
         "Are the streets and public spaces somewhere you want to spend time?"},
        {"natural-space", "Natural space", "Natural space",
         "Can you get to green spaces, woods, rivers or the coast and enjoy them?"},
        {"play-and-recreation", "Play and recreation", "Play",
         "Are there places for young people to hang out, play sport or have fun?"},
        {"facilities-and-services", "Facilities and services", "Facilities",
         "Do shops, health services, schools and youth services meet your needs?"},
        {"work-and-local-economy", "Work and local economy", "Work",
         "Are there chances nearby to earn money, train or find a job?"},
        {"housing-and-community", "Housing and community", "Housing",
         "Do the homes here meet the needs of the people who live in them?"},
        {"social-interaction", "Social interaction", "Meeting people",
         "Are there places and chances to meet friends and other people?"},
        {"identity-and-belonging", "Identity and belonging", "Belonging",
         "Are you proud of this place, and do you feel you belong here?"},
        {"feeling-safe", "Feeling safe", "Feeling safe",
         "Do you feel safe here, on your own or with friends, by day and by night?"},
        {"care-and-maintenance", "Care and maintenance", "Upkeep",
         "Are buildings, streets and spaces kept clean and in good repair?"},
        {"influence-and-sense-of-control", "Influence and sense of control", "Having a say",
         "Do adults listen to young people here, and can you help change things?"},
    }};
    static const std::array<Theme, kThemeCount> children{{
        {"moving-around", "Getting around", "Getting around",
         "Can you walk, scoot or cycle to the places you want to go?"},
        {"public-transport", "Buses and trains", "Buses, trains", "Can buses or trains take you where you want to go?"},
        {"traffic-and-parking", "Cars and traffic", "Cars, traffic", "Do cars and traffic let you get about safely?"},
        {"streets-and-spaces", "Streets and places", "Streets", "Are the streets around you nice places to be?"},
        {"natural-space", "Nature", "Nature", "Are there parks, trees or water near you that you can enjoy?"},
        {"play-and-recreation", "Play", "Play", "Are there good places to play and have fun?"},
        {"facilities-and-services", "Places you need", "Places you need",
         "Are shops, schools, doctors and clubs easy to get to?"},
        {"work-and-local-economy", "Shops and jobs", "Shops, jobs",
         "Are there shops near you, and places where grown-ups work?"},
        {"housing-and-community", "Homes", "Homes", "Are the homes around you good places to live?"},
        {"social-interaction", "Friends", "Friends", "Are there places to meet your friends and other people?"},
        {"identity-and-belonging", "Belonging", "Belonging", "Do you feel you belong here?"},
        {"feeling-safe", "Feeling safe", "Feeling safe", "Do you feel safe here, in the day and after dark?"},
        {"care-and-maintenance", "Looked after", "Looked after",
         "Are the streets, parks and buildings kept clean and fixed?"},
        {"influence-and-sense-of-control", "Having a say", "Having a say",
         "Do grown-ups listen to your ideas about this place?"},
    }};
    switch (version) {
        case PlaceStandardVersion::young_people: return young_people;
        case PlaceStandardVersion::children: return children;
        case PlaceStandardVersion::adults: break;
    }
    return place_standard_themes();
}

const char* place_standard_version_words(PlaceStandardVersion version) {
    switch (version) {
        case PlaceStandardVersion::children: return "children's Place Standard";
        case PlaceStandardVersion::young_people: return "young people's Place Standard";
        case PlaceStandardVersion::adults: break;
    }
    return "adults' Place Standard";
}

int highest_rating(PlaceStandardVersion version) {
    return version == PlaceStandardVersion::children ? 3 : kHighestRating;
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
    nlohmann::json payload{{"activity", "place-standard"}, {"themes", std::move(themes)}};
    if (answers.version != PlaceStandardVersion::adults)
        payload["version"] = name_of(kPlaceStandardVersionNames, answers.version);
    return payload.dump();
}

Result<PlaceStandardAnswers> parse_place_standard_payload(const std::string& payload) {
    const auto doc = nlohmann::json::parse(payload, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return Error{"The answers are not valid JSON."};
    if (doc.value("activity", "") != "place-standard") return Error{"The answers are not Place Standard ratings."};
    const auto themes = doc.find("themes");
    if (themes == doc.end() || !themes->is_array() || themes->size() != kThemeCount)
        return Error{"The answers must hold all 14 themes."};
    PlaceStandardAnswers answers;
    if (const auto version = doc.find("version"); version != doc.end()) {
        const auto named =
            version->is_string() ? value_named(kPlaceStandardVersionNames, version->get<std::string>()) : std::nullopt;
        if (!named) return Error{"The answers' version must be " + names_listed(kPlaceStandardVersionNames) + "."};
        answers.version = *named;
    }
    const int highest = highest_rating(answers.version);
    for (int i = 0; i < kThemeCount; ++i) {
        const auto& entry = (*themes)[i];
        const std::string expected = place_standard_themes()[i].key;
        if (!entry.is_object() || entry.value("theme", "") != expected)
            return Error{"Theme " + std::to_string(i + 1) + " should be \"" + expected + "\"."};
        const auto rating = entry.find("rating");
        if (rating == entry.end()) return Error{"Theme \"" + expected + "\" has no rating (null means skipped)."};
        if (!rating->is_null()) {
            if (!rating->is_number_integer() || *rating < kLowestRating || *rating > highest)
                return Error{"Theme \"" + expected + "\" has a rating outside 1 to " + std::to_string(highest) + "."};
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
