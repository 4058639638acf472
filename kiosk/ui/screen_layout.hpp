#pragma once
// What every screen shares: the drawing surface and its margins, and the screen functions.
#include <string>
#include <vector>

#include "imgui.h"
#include "intent.hpp"
#include "kiosk_state.hpp"
#include "touch_button.hpp"
#include "touch_targets.hpp"
#include "view_context.hpp"

namespace sv {

struct ScreenArea {
    float width = 0, height = 0;
    float margin = 0;
    bool portrait = false;
    ImDrawList* draw = nullptr;

    float inner_width() const { return width - 2 * margin; }
};

struct ScreenCall {
    const KioskState& state;
    const ViewContext& view;
    const ScreenArea& area;
    TouchTargets& targets;
    std::vector<Intent>& intents;
};

// Draws `button`; when the citizen taps it, asks the flow for `intent`.
void tap(const ScreenCall& call, const ButtonSpec& button, Intent intent);

// A staff page's title and its "Back to the staff panel" button (`back_id`): where the page goes on.
float draw_staff_page_top(const ScreenCall& call, const std::string& title, const std::string& back_id);

void draw_welcome_screen(const ScreenCall& call);
void draw_question_screen(const ScreenCall& call);
void draw_comment_screen(const ScreenCall& call);
void draw_eligibility_screen(const ScreenCall& call);
void draw_quick_poll_screen(const ScreenCall& call);
void draw_about_you_screen(const ScreenCall& call);
void draw_ballot_screen(const ScreenCall& call);
void draw_project_details_screen(const ScreenCall& call);
void draw_ballot_review_screen(const ScreenCall& call);
void draw_save_failed_screen(const ScreenCall& call);
void draw_thanks_screen(const ScreenCall& call);
void draw_cannot_start_screen(const ScreenCall& call);
void draw_still_there_overlay(const ScreenCall& call);
void draw_ballot_notice_overlay(const ScreenCall& call);
void draw_staff_pin_screen(const ScreenCall& call);
void draw_staff_panel_screen(const ScreenCall& call);
void draw_event_form_screen(const ScreenCall& call);
void draw_event_results_screen(const ScreenCall& call);
void draw_staff_campaign_screen(const ScreenCall& call);

}  // namespace sv
