#pragma once
// The sentences a councillor quotes: which themes people rated lowest (or highest), naming
// every theme that shares a median rather than three picked from a tie.
#include <array>
#include <string>

#include "compass_tally.hpp"
#include "place_standard.hpp"

namespace sv {

enum class ThemeEnd { lowest, highest };

// Themes from the `end`, a whole median at a time, until three at least are named, as a
// sentence: "Rated lowest: Getting around (1); then Nature and Play (2.5).", "Six themes share
// the lowest median, 3: Play, Homes, ... and Friends." Empty when no theme was rated.
// `themes`: the version's words.
std::string theme_headline(const CompassGroup& group, const std::array<Theme, kThemeCount>& themes, ThemeEnd end);

}  // namespace sv
