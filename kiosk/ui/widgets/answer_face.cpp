#include "answer_face.hpp"

#include <algorithm>

namespace sv {
namespace {

constexpr float kHalfTurn = 3.14159265f;

}  // namespace

void draw_answer_face(ImDrawList* draw, ImVec2 centre, float radius, int rating, ImU32 colour) {
    const float line = std::max(3.0f, radius * 0.09f);
    draw->AddCircle(centre, radius, colour, 48, line);
    const float eye = radius * 0.11f;
    draw->AddCircleFilled(ImVec2(centre.x - radius * 0.34f, centre.y - radius * 0.22f), eye, colour, 16);
    draw->AddCircleFilled(ImVec2(centre.x + radius * 0.34f, centre.y - radius * 0.22f), eye, colour, 16);
    const float mouth = radius * 0.48f;
    draw->PathClear();
    if (rating >= 3) {
        // A smile: the lower part of a circle (screen angles grow clockwise, y down).
        draw->PathArcTo(ImVec2(centre.x, centre.y + radius * 0.02f), mouth, kHalfTurn * 0.18f, kHalfTurn * 0.82f, 24);
    } else if (rating == 2) {
        draw->PathLineTo(ImVec2(centre.x - mouth * 0.8f, centre.y + radius * 0.38f));
        draw->PathLineTo(ImVec2(centre.x + mouth * 0.8f, centre.y + radius * 0.38f));
    } else {
        // A frown: the upper part of a circle set lower down.
        draw->PathArcTo(ImVec2(centre.x, centre.y + radius * 0.78f), mouth, kHalfTurn * 1.22f, kHalfTurn * 1.78f, 24);
    }
    draw->PathStroke(colour, 0, line);
}

const char* answer_face_word(int rating) {
    return rating >= 3 ? "Good" : rating == 2 ? "OK" : "Not good";
}

}  // namespace sv
