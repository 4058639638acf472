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

}  // namespace sv
