#pragma once
// Checks one drawn frame the way a citizen would see it: every touch target big enough and
// apart from the others, every piece of text on the screen, inside its button, and clear of
// other text and of buttons it does not belong to, never squeezed into a column too narrow to
// read, never a word cut in two. Problems come back in words.
#include <string>
#include <vector>

#include "placed_text.hpp"
#include "text_layout.hpp"
#include "touch_targets.hpp"

namespace sv {

constexpr float kSmallestTouchTarget = 48;

std::vector<std::string> layout_problems(const TouchTargets& targets, const PlacedTexts& texts, float screen_width,
                                         float screen_height);

}  // namespace sv
