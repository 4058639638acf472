#pragma once
// The Place Standard compass: 14 axes in theme order, 1 near the centre, 7 at the rim.
#include <utility>
#include <vector>

#include "imgui.h"
#include "kiosk_style.hpp"
#include "place_standard.hpp"

namespace sv {

// The wedges to fill: each is the first of two neighbouring themes (i, i+1 mod 14) that
// are both rated. A skipped theme leaves a gap on both sides rather than a false shape.
std::vector<int> filled_compass_wedges(const PlaceStandardAnswers& answers);
// Where the outline jumps over skipped themes: each pair is two rated themes with only skipped
// ones between them, going round. Drawn dashed and unfilled, so a skipped theme reads as no
// answer rather than as a notch down to the lowest score.
std::vector<std::pair<int, int>> compass_jumps(const PlaceStandardAnswers& answers);

// Space the labels need beyond the rim, so callers can fit the whole compass.
float compass_label_room(const KioskFonts& fonts);
void draw_compass(ImDrawList* draw, const KioskFonts& fonts, ImVec2 centre, float radius,
                  const PlaceStandardAnswers& answers);
// The compass as an emblem, in one colour, with a made-up shape: for the welcome screen's band.
void draw_compass_emblem(ImDrawList* draw, ImVec2 centre, float radius, ImU32 colour);

}  // namespace sv
