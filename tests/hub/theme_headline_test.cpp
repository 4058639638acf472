// The headline sentences on the dashboard, against answers worked out by hand: a tie is
// named in full, never three themes picked from it.
#include <catch2/catch.hpp>

#include "compass_tally.hpp"
#include "theme_headline.hpp"

using sv::ThemeEnd;

namespace {

// Ten people; `ratings(person, theme)` gives each answer (0: skipped).
template <class Ratings>
sv::CompassGroup ten_people(Ratings ratings, sv::PlaceStandardVersion version = sv::PlaceStandardVersion::adults) {
    sv::CompassTally tally;
    for (int person = 0; person < 10; ++person) {
        sv::PlaceStandardAnswers answers;
        answers.version = version;
        for (int t = 0; t < sv::kThemeCount; ++t)
            if (const int r = ratings(person, t); r > 0) answers.ratings[static_cast<std::size_t>(t)] = r;
        tally.add(answers);
    }
    return tally.summary("Everyone");
}

const auto& adults = sv::place_standard_themes(sv::PlaceStandardVersion::adults);

}  // namespace

TEST_CASE("headline: six themes sharing the lowest median are all named, with how many") {
    // Themes 1-6 rated 3 by everyone, the other eight 5.
    const auto group = ten_people([](int, int t) { return t < 6 ? 3 : 5; });
    CHECK(sv::theme_headline(group, adults, ThemeEnd::lowest) ==
          "Six themes share the lowest median, 3: Moving around, Public transport, Traffic and parking, Streets and "
          "spaces, Natural space and Play and recreation.");
    CHECK(sv::theme_headline(group, adults, ThemeEnd::highest) ==
          "Eight themes share the highest median, 5: Facilities and services, Work and local economy, Housing and "
          "community, Social interaction, Identity and belonging, Feeling safe, Care and maintenance and Influence "
          "and sense of control.");
}

TEST_CASE("headline: one lowest theme, then the next median's themes together, half points as spreadsheets give") {
    // Moving around: all 1. Public transport and Traffic: five 2s and five 3s, median 2.5.
    // Natural space: 4. The rest: 6, except Feeling safe, 7 for everyone.
    const auto group = ten_people([](int person, int t) {
        if (t == 0) return 1;
        if (t == 1 || t == 2) return person < 5 ? 2 : 3;
        if (t == 4) return 4;
        return t == 11 ? 7 : 6;
    });
    CHECK(sv::theme_headline(group, adults, ThemeEnd::lowest) ==
          "Rated lowest: Moving around (1); then Public transport and Traffic and parking (2.5).");
    CHECK(sv::theme_headline(group, adults, ThemeEnd::highest) ==
          "Rated highest: Feeling safe (7); then Streets and spaces, Play and recreation, Facilities and services, "
          "Work and local economy, Housing and community, Social interaction, Identity and belonging, Care and "
          "maintenance and Influence and sense of control (6).");
}

TEST_CASE("headline: three different medians name three themes, and skipped themes are left out") {
    // Moving around 1, Public transport 2, Traffic 3, Streets 4, the rest 7; Natural space
    // skipped by everyone.
    const auto group = ten_people([](int, int t) { return t == 4 ? 0 : t < 4 ? t + 1 : 7; });
    CHECK(sv::theme_headline(group, adults, ThemeEnd::lowest) ==
          "Rated lowest: Moving around (1); then Public transport (2); then Traffic and parking (3).");
    const auto nobody = ten_people([](int, int) { return 0; });
    CHECK(sv::theme_headline(nobody, adults, ThemeEnd::lowest).empty());
}

TEST_CASE("headline: the children's version is named in its own words") {
    const auto group = ten_people([](int person, int t) { return t == 3       ? 1
                                                                 : person % 2 ? 3
                                                                              : 2; },
                                  sv::PlaceStandardVersion::children);
    CHECK(sv::theme_headline(group, sv::place_standard_themes(sv::PlaceStandardVersion::children), ThemeEnd::lowest) ==
          "Rated lowest: Streets and places (1); then Getting around, Buses and trains, Cars and traffic, Nature, "
          "Play, Places you need, Shops and jobs, Homes, Friends, Belonging, Feeling safe, Looked after and Having a "
          "say (2.5).");
}
