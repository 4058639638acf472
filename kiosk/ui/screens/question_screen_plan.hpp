#pragma once
// Where everything on a Place Standard question goes, worked out before anything is drawn so
// that the gaps share out what is left at any text size, in any language, and nothing
// overlaps; the drawing only follows it.
#include <string>

#include "imgui.h"
#include "screen_layout.hpp"

namespace sv {

struct QuestionPlan {
    // "Question 3 of 14": beside the top right buttons within `label_room`, or on a row of its
    // own under them when they leave it too little; its bar of the themes beside it, or under it.
    bool label_below = false;
    bool bar_below = false;
    float label_room = 0;
    // Long words step the title, then the question, down a size when nothing else gives.
    ImFont* title_font = nullptr;
    ImFont* question_font = nullptr;
    // The comment so far, shortened to fit beside the comment button or under it.
    std::string preview;
    bool preview_beside = false;
    float preview_width = 0;
    // "Choose a number" (or "a face"), until one is chosen: beside the comment button when there is room,
    // else over the bottom row; left out when nothing else can make room for it.
    bool hint_shown = false;
    bool hint_beside = false;
    float comment_width = 0;
    // The children's version answers with three drawn faces, each over its word, and has no
    // numbers whose ends need saying; the others with seven numbers.
    bool faces = false;
    float face_radius = 0;
    float face_width = 0;              // each face button
    ImFont* face_word_font = nullptr;  // the largest that fits all three words on one line
    float face_word_height = 0;
    float end_label_width = 0;
    ImFont* ends_font = nullptr;  // what the scale's ends mean: reading size, or small when short of room
    // Heights of the rows, top to bottom, and the gap between the blocks.
    float top_row = 0, heading = 0, question = 0, ratings = 0, ends = 0, comment = 0, preview_height = 0, hint = 0;
    float bar = 100;
    float gap = 0;

    // Where each block starts, for `area`.
    float heading_top(const ScreenArea& area) const { return area.margin / 2 + top_row + gap; }
    float ratings_top(const ScreenArea& area) const { return heading_top(area) + heading + 12 + question + gap; }
    float comment_top(const ScreenArea& area) const { return ratings_top(area) + ratings + 10 + ends + gap; }
    // The lowest thing above the bottom row (the comment button, or the preview under it).
    float content_bottom(const ScreenArea& area) const { return comment_top(area) + comment + preview_height; }
    float bar_top(const ScreenArea& area) const { return area.height - area.margin / 2 - bar - 8; }
};

QuestionPlan plan_question_screen(const ScreenCall& call);

// The comment's first words in quotes, as the preview shows them before shortening.
std::string comment_preview(const std::string& comment);

}  // namespace sv
