#pragma once
// Place Standard ratings of a group of people, counted, and what may be shown of them: the
// number of responses, and per theme the median and the middle half. Used by the hub's
// dashboard and by the kiosk's end-of-day results alike.
//
// Privacy: a group of fewer than kSmallestGroupShown people is never shown broken down. Only
// the count, median and spread of each theme are given for a group, so no subtraction of one
// shown group from another reveals a small group's answers.
#include <array>
#include <string>

#include "place_standard.hpp"

namespace sv {

constexpr int kSmallestGroupShown = 10;

using RatingCounts = std::array<int, kHighestRating>;

struct ThemeSummary {
    int rated = 0;  // responses that rated this theme (the rest skipped it)
    double median = 0;
    double lower_quartile = 0;  // the spread: half of the ratings lie between the quartiles
    double upper_quartile = 0;
};

struct CompassGroup {
    std::string name;    // "Everyone", a ward, or an event
    std::string detail;  // for an event: its ward and day
    int responses = 0;
    bool shown() const { return responses >= kSmallestGroupShown; }
    std::array<ThemeSummary, kThemeCount> themes{};
};

struct CompassTally {
    int responses = 0;
    std::array<RatingCounts, kThemeCount> counts{};

    void add(const PlaceStandardAnswers& answers);
    void add(const CompassTally& other);
    // Nothing but the count of a group too small to show.
    CompassGroup summary(std::string name, std::string detail = {}) const;
};

// Quartiles and median of ratings given as counts of each rating 1..7 (linear interpolation
// between the ratings in order, as spreadsheets do).
double rating_quantile(const RatingCounts& counts, double fraction);

}  // namespace sv
