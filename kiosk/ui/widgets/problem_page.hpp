#pragma once
// The layout shared by screens that tell a citizen to fetch staff: a heading, a sentence
// for the citizen, and a boxed reason for staff ("For staff: ...").
#include <string>

#include "screen_layout.hpp"

namespace sv {

struct ProblemPageLayout {
    float left = 0;
    float width = 0;
    float bottom = 0;  // y below the staff box: where a screen may add its buttons
};

ProblemPageLayout draw_problem_page(const ScreenCall& call, const std::string& heading, const std::string& for_citizen,
                                    const std::string& for_staff);

}  // namespace sv
