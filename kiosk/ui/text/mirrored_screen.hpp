#pragma once
// Right-to-left languages read a screen from the right. A citizen screen is laid out as for
// English and then mirrored as a whole: the buttons along the top, the progress bar, the
// rating row, back and next all change sides. Each line of text and each picture is moved to
// its mirrored place without being flipped, so it still reads as written. A touch is mirrored
// on its way in, so no screen's own code has to think about direction.
#include <vector>

#include "imgui.h"
#include "touch_targets.hpp"

namespace sv {

// A line of text or a picture: vertices [first_vertex, end_vertex) of `draw`, drawn over left..right.
struct UnflippedSpan {
    ImDrawList* draw;
    int first_vertex, end_vertex;
    float left, right;
};

class MirroredScreen {
public:
    // Does nothing when `active` is false, so a screen is drawn the same way either way.
    MirroredScreen(bool active, float screen_width);
    ~MirroredScreen();
    MirroredScreen(const MirroredScreen&) = delete;
    MirroredScreen& operator=(const MirroredScreen&) = delete;

    // Mirrors what was drawn into `draws` (each list once, after its window ended), the touch
    // targets and the text placed this frame.
    void finish(const std::vector<ImDrawList*>& draws, TouchTargets& targets);

private:
    bool active_;
    float width_;
    ImVec2 pointer_;
    std::vector<UnflippedSpan> spans_;
    std::vector<UnflippedSpan>* previous_spans_;
};

// A screen is being mirrored this frame (text need not be aligned to the right by itself).
bool screen_is_mirrored();
// What `draw` gained since `first_vertex` (a line of text, a picture) spans `left`..`right`
// and is moved, not flipped, when the screen is mirrored.
void keep_unflipped(ImDrawList* draw, int first_vertex, float left, float right);

}  // namespace sv
