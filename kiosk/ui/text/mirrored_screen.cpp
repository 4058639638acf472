#include "mirrored_screen.hpp"

#include <cfloat>

#include "placed_text.hpp"

namespace sv {
namespace {

thread_local std::vector<UnflippedSpan>* spans = nullptr;

}  // namespace

MirroredScreen::MirroredScreen(bool active, float screen_width)
    : active_(active), width_(screen_width), pointer_(ImGui::GetIO().MousePos), previous_spans_(spans) {
    if (!active_) return;
    spans = &spans_;
    ImGuiIO& io = ImGui::GetIO();
    if (io.MousePos.x != -FLT_MAX) io.MousePos.x = width_ - io.MousePos.x;
}

MirroredScreen::~MirroredScreen() {
    if (!active_) return;
    ImGui::GetIO().MousePos = pointer_;
    spans = previous_spans_;
}

void MirroredScreen::finish(const std::vector<ImDrawList*>& draws, TouchTargets& targets) {
    if (!active_) return;
    for (ImDrawList* draw : draws) {
        for (ImDrawVert& vertex : draw->VtxBuffer) vertex.pos.x = width_ - vertex.pos.x;
        for (ImDrawCmd& command : draw->CmdBuffer) {
            const float left = command.ClipRect.x;
            command.ClipRect.x = width_ - command.ClipRect.z;
            command.ClipRect.z = width_ - left;
        }
    }
    // Flipping a span's vertices back about its own mirrored middle leaves it moved, not flipped.
    for (const UnflippedSpan& span : spans_) {
        const float twice_middle = (width_ - span.left) + (width_ - span.right);
        for (int i = span.first_vertex; i < span.end_vertex && i < span.draw->VtxBuffer.Size; ++i)
            span.draw->VtxBuffer[i].pos.x = twice_middle - span.draw->VtxBuffer[i].pos.x;
    }
    for (TouchTarget& target : targets.items) target.x = width_ - target.x - target.width;
    mirror_placed_text(width_);
}

bool screen_is_mirrored() {
    return spans != nullptr;
}

void keep_unflipped(ImDrawList* draw, int first_vertex, float left, float right) {
    if (spans) spans->push_back({draw, first_vertex, draw->VtxBuffer.Size, left, right});
}

}  // namespace sv
