#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "place_standard.hpp"

TEST_CASE("the 14 themes are in the published order") {
    const auto& themes = sv::place_standard_themes();
    CHECK(std::string(themes.front().title) == "Moving around");
    CHECK(std::string(themes[6].title) == "Facilities and services");
    CHECK(std::string(themes[9].title) == "Social interaction");
    CHECK(std::string(themes.back().title) == "Influence and sense of control");
}

TEST_CASE("answers survive the round trip through the stored payload") {
    sv::PlaceStandardAnswers answers;
    answers.ratings[0] = 1;
    answers.ratings[5] = 7;
    answers.ratings[13] = 4;
    answers.comments[5] = "Quotes \" and backslashes \\ and ŵ ł ż — fine";
    auto parsed = sv::parse_place_standard_payload(sv::place_standard_payload(answers));
    REQUIRE(parsed.ok());
    CHECK(parsed.value().ratings == answers.ratings);
    CHECK(parsed.value().comments == answers.comments);
    CHECK(parsed.value().rated_count() == 3);
}

TEST_CASE("incomplete or malformed payloads are refused with a reason") {
    const auto good = nlohmann::json::parse(sv::place_standard_payload(sv::PlaceStandardAnswers{}));
    auto refuse = [](const nlohmann::json& doc) {
        auto parsed = sv::parse_place_standard_payload(doc.dump());
        REQUIRE_FALSE(parsed.ok());
        return parsed.error().message;
    };
    CHECK_THAT(sv::parse_place_standard_payload("{oops").error().message, Catch::Contains("not valid JSON"));
    auto thirteen = good;
    thirteen["themes"].erase(13);
    CHECK_THAT(refuse(thirteen), Catch::Contains("all 14 themes"));
    auto swapped = good;
    std::swap(swapped["themes"][0], swapped["themes"][1]);
    CHECK_THAT(refuse(swapped), Catch::Contains("Theme 1 should be \"moving-around\""));
    auto eight = good;
    eight["themes"][3]["rating"] = 8;
    CHECK_THAT(refuse(eight), Catch::Contains("outside 1 to 7"));
    auto no_rating = good;
    no_rating["themes"][2].erase("rating");
    CHECK_THAT(refuse(no_rating), Catch::Contains("has no rating"));
    auto long_comment = good;
    long_comment["themes"][2]["comment"] = std::string(1001, 'a');
    CHECK_THAT(refuse(long_comment), Catch::Contains("longer than 1000"));
    auto other = good;
    other["activity"] = "pb";
    CHECK_THAT(refuse(other), Catch::Contains("not Place Standard"));
}

TEST_CASE("each version asks the same 14 themes, in the same order, under the same keys, in its own words") {
    const auto& adults = sv::place_standard_themes();
    for (const auto version : {sv::PlaceStandardVersion::young_people, sv::PlaceStandardVersion::children}) {
        const auto& themes = sv::place_standard_themes(version);
        for (int i = 0; i < sv::kThemeCount; ++i) {
            CHECK(std::string(themes[i].key) == adults[i].key);
            CHECK_FALSE(std::string(themes[i].question).empty());
            CHECK(std::string(themes[i].question) != adults[i].question);  // adapted, not copied
            CHECK(std::string(themes[i].short_title).size() <= 16);        // fits around the compass
        }
    }
    CHECK(std::string(sv::place_standard_themes(sv::PlaceStandardVersion::children)[0].title) == "Getting around");
    CHECK(&sv::place_standard_themes(sv::PlaceStandardVersion::adults) == &adults);
    CHECK(sv::highest_rating(sv::PlaceStandardVersion::children) == 3);
    CHECK(sv::highest_rating(sv::PlaceStandardVersion::young_people) == 7);
    CHECK(sv::highest_rating(sv::PlaceStandardVersion::adults) == 7);
}

TEST_CASE("a children's response keeps its version and its three-point ratings, and past 3 is refused") {
    sv::PlaceStandardAnswers answers;
    answers.version = sv::PlaceStandardVersion::children;
    answers.ratings[0] = 1;
    answers.ratings[4] = 3;
    const std::string payload = sv::place_standard_payload(answers);
    CHECK(nlohmann::json::parse(payload)["version"] == "children");
    auto parsed = sv::parse_place_standard_payload(payload);
    REQUIRE(parsed.ok());
    CHECK(parsed.value().version == sv::PlaceStandardVersion::children);
    CHECK(parsed.value().ratings == answers.ratings);

    auto four = nlohmann::json::parse(payload);
    four["themes"][2]["rating"] = 4;
    CHECK_THAT(sv::parse_place_standard_payload(four.dump()).error().message, Catch::Contains("outside 1 to 3"));
    // The same 4 is a young person's fair answer.
    four["version"] = "young-people";
    REQUIRE(sv::parse_place_standard_payload(four.dump()).ok());
    CHECK(sv::parse_place_standard_payload(four.dump()).value().version == sv::PlaceStandardVersion::young_people);
}

TEST_CASE("an adults' payload is as it always was, and an unknown version is refused") {
    const auto adults = nlohmann::json::parse(sv::place_standard_payload(sv::PlaceStandardAnswers{}));
    CHECK_FALSE(adults.contains("version"));
    CHECK(sv::parse_place_standard_payload(adults.dump()).value().version == sv::PlaceStandardVersion::adults);
    for (const nlohmann::json& wrong : {nlohmann::json("toddlers"), nlohmann::json(2), nlohmann::json(nullptr)}) {
        auto doc = adults;
        doc["version"] = wrong;
        CHECK_THAT(sv::parse_place_standard_payload(doc.dump()).error().message,
                   Catch::Contains("\"adults\", \"young-people\" or \"children\""));
    }
}
