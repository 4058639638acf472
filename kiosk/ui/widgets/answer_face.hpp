#pragma once
// The children's Place Standard answers as simple drawn faces: a frown for "Not good", a
// straight mouth for "OK", a smile for "Good". Drawn by us, never the official illustrations.
#include "imgui.h"

namespace sv {

// `rating` 1, 2 or 3; the face is a circle of `radius` round `centre`, in one colour.
void draw_answer_face(ImDrawList* draw, ImVec2 centre, float radius, int rating, ImU32 colour);

// The word under each face: "Not good", "OK", "Good" (English; translate with tr()).
const char* answer_face_word(int rating);

}  // namespace sv
