#pragma once
// The Place Standard: 14 themes in a fixed order, each rated 1-7
// (1 = a lot of room for improvement, 7 = very little), or skipped.
#include <array>
#include <optional>
#include <string>

#include "name_table.hpp"
#include "result.hpp"

namespace sv {

constexpr int kThemeCount = 14;
constexpr int kLowestRating = 1;
constexpr int kHighestRating = 7;

// The official tool has versions for children (6 to 12: adapted wording, a 3-point scale) and
// for young people (12 and over: adapted wording, the 7-point scale), developed by Play
// Scotland and A Place in Childhood. The same 14 themes, in the same order, with the same keys.
enum class PlaceStandardVersion { adults, young_people, children };
inline constexpr Spelling<PlaceStandardVersion> kPlaceStandardVersionNames[] = {
    {PlaceStandardVersion::adults, "adults"},
    {PlaceStandardVersion::young_people, "young-people"},
    {PlaceStandardVersion::children, "children"}};

// "the children's Place Standard", for sentences to organisers.
const char* place_standard_version_words(PlaceStandardVersion version);

// The top of a version's scale: 7, or 3 for children (1 not good, 2 OK, 3 good).
int highest_rating(PlaceStandardVersion version);

struct Theme {
    const char* key;          // stable id on the wire and in exports
    const char* title;        // the theme's published title
    const char* short_title;  // fits around the compass
    const char* question;     // asked in our own plain words
};

const std::array<Theme, kThemeCount>& place_standard_themes();
// The themes as a version words them (our own plain wording for each, keeping each theme's meaning).
const std::array<Theme, kThemeCount>& place_standard_themes(PlaceStandardVersion version);

// One citizen's answers while they are being given, and as stored.
struct PlaceStandardAnswers {
    PlaceStandardVersion version = PlaceStandardVersion::adults;
    std::array<std::optional<int>, kThemeCount> ratings{};  // 1..highest_rating(version)
    std::array<std::string, kThemeCount> comments{};

    int rated_count() const;
};

// The stored payload: {"activity":"place-standard","themes":[{"theme":key,"rating":n|null,"comment":"..."}, ...]},
// with "version":"children" or "young-people" for those versions (an adults' payload is as it always was).
std::string place_standard_payload(const PlaceStandardAnswers& answers);
// Reads a payload back; an incomplete or malformed one is an error naming what is wrong.
Result<PlaceStandardAnswers> parse_place_standard_payload(const std::string& payload);

constexpr std::size_t kMaxCommentBytes = 1000;

}  // namespace sv
