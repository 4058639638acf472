#include "compass_tally.hpp"

#include <cmath>

namespace sv {

void CompassTally::add(const PlaceStandardAnswers& answers) {
    ++responses;
    for (std::size_t t = 0; t < counts.size(); ++t)
        if (const auto rating = answers.ratings[t]) ++counts[t][static_cast<std::size_t>(*rating - 1)];
}

void CompassTally::add(const CompassTally& other) {
    responses += other.responses;
    for (std::size_t t = 0; t < counts.size(); ++t)
        for (std::size_t r = 0; r < counts[t].size(); ++r) counts[t][r] += other.counts[t][r];
}

CompassGroup CompassTally::summary(std::string name, std::string detail) const {
    CompassGroup group;
    group.name = std::move(name);
    group.detail = std::move(detail);
    group.responses = responses;
    if (!group.shown()) return group;
    for (std::size_t t = 0; t < counts.size(); ++t) {
        ThemeSummary& theme = group.themes[t];
        for (int c : counts[t]) theme.rated += c;
        if (theme.rated == 0) continue;
        theme.median = rating_quantile(counts[t], 0.5);
        theme.lower_quartile = rating_quantile(counts[t], 0.25);
        theme.upper_quartile = rating_quantile(counts[t], 0.75);
    }
    return group;
}

double rating_quantile(const RatingCounts& counts, double fraction) {
    int total = 0;
    for (int c : counts) total += c;
    if (total == 0) return 0;
    // The rating at a position among all ratings sorted, counting from 0.
    auto rating_at = [&](int position) {
        for (std::size_t r = 0; r < counts.size(); ++r) {
            if (position < counts[r]) return static_cast<double>(r + 1);
            position -= counts[r];
        }
        return static_cast<double>(kHighestRating);
    };
    const double place = fraction * (total - 1);
    const int below = static_cast<int>(std::floor(place));
    const double between = place - below;
    const double low = rating_at(below);
    return between == 0 ? low : low + between * (rating_at(below + 1) - low);
}

}  // namespace sv
