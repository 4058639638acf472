#include "placed_text.hpp"

namespace sv {
namespace {
thread_local PlacedTexts* recording = nullptr;
}

RecordPlacedText::RecordPlacedText(PlacedTexts& into) : previous_(recording) {
    into.items.clear();
    recording = &into;
}

RecordPlacedText::~RecordPlacedText() {
    recording = previous_;
}

void note_placed_text(PlacedText placed) {
    if (recording) recording->items.push_back(std::move(placed));
}

void forget_placed_text() {
    if (recording) recording->items.clear();
}

void mirror_placed_text(float screen_width) {
    if (!recording) return;
    const auto mirror = [screen_width](ImVec2& min, ImVec2& max) {
        const float left = min.x;
        min.x = screen_width - max.x;
        max.x = screen_width - left;
    };
    for (PlacedText& placed : recording->items) {
        mirror(placed.min, placed.max);
        if (placed.boxed) mirror(placed.box_min, placed.box_max);
    }
}

}  // namespace sv
