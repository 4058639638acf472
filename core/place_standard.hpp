#pragma once
// The Place Standard: 14 themes in a fixed order, each rated 1-7
// (1 = a lot of room for improvement, 7 = very little), or skipped.
#include <array>
#include <optional>
#include <string>

#include "result.hpp"

namespace sv {

constexpr int kThemeCount = 14;
constexpr int kLowestRating = 1;
constexpr int kHighestRating = 7;

struct Theme {
    const char* key;          // stable id on the wire and in exports
    const char* title;        // the theme's published title
    const char* short_title;  // fits around the compass
    const char* question;     // asked in our own plain words
};

const std::array<Theme, kThemeCount>& place_standard_themes();

// One citizen's answers while they are being given, and as stored.
struct PlaceStandardAnswers {
    std::array<std::optional<int>, kThemeCount> ratings{};
    std::array<std::string, kThemeCount> comments{};

    int rated_count() const;
};

// The stored payload: {"activity":"place-standard","themes":[{"theme":key,"rating":n|null,"comment":"..."}, ...]}
std::string place_standard_payload(const PlaceStandardAnswers& answers);
// Reads a payload back; an incomplete or malformed one is an error naming what is wrong.
Result<PlaceStandardAnswers> parse_place_standard_payload(const std::string& payload);

constexpr std::size_t kMaxCommentBytes = 1000;

}  // namespace sv
