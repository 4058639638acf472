#include "kiosk_view.hpp"

#include "kiosk_style.hpp"
#include "language_picker.hpp"
#include "mirrored_screen.hpp"
#include "placed_text.hpp"
#include "screen_layout.hpp"
#include "translated_text.hpp"

namespace sv {
namespace {

constexpr ImGuiWindowFlags kFullScreenWindow = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                               ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoScrollWithMouse;

ScreenArea full_screen_area() {
    const ImGuiIO& io = ImGui::GetIO();
    ScreenArea area;
    area.width = io.DisplaySize.x;
    area.height = io.DisplaySize.y;
    area.portrait = area.height > area.width;
    area.margin = area.width < 900 ? 40.0f : 64.0f;
    area.draw = ImGui::GetWindowDrawList();
    return area;
}

// Returns the window's draw list.
ImDrawList* begin_full_screen_window(const char* name, ImGuiWindowFlags extra) {
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin(name, nullptr, kFullScreenWindow | extra);
    return ImGui::GetWindowDrawList();
}

// A right-to-left language mirrors the citizen's screens, except where they type: the
// on-screen keyboard's letters keep their usual places.
bool mirrored(const KioskState& state, const ViewContext& view) {
    if (state.stall.staff != StaffMode::closed || !view.translation || !view.translation->right_to_left) return false;
    switch (state.screen) {
        case Screen::comment:
        case Screen::about_you_district:
        case Screen::voter_code:
        case Screen::postcode: return false;
        default: return true;
    }
}

void draw_citizen_screen(const ScreenCall& call) {
    switch (call.state.screen) {
        case Screen::welcome: draw_welcome_screen(call); break;
        case Screen::question: draw_question_screen(call); break;
        case Screen::comment: draw_comment_screen(call); break;
        case Screen::voter_code:
        case Screen::postcode: draw_eligibility_screen(call); break;
        case Screen::quick_poll:
        case Screen::scale_pair: draw_quick_poll_screen(call); break;
        case Screen::about_you_consent:
        case Screen::about_you_question:
        case Screen::about_you_district: draw_about_you_screen(call); break;
        case Screen::ballot: draw_ballot_screen(call); break;
        case Screen::project_details: draw_project_details_screen(call); break;
        case Screen::ballot_review: draw_ballot_review_screen(call); break;
        case Screen::save_failed: draw_save_failed_screen(call); break;
        case Screen::thanks: draw_thanks_screen(call); break;
        case Screen::cannot_start: draw_cannot_start_screen(call); break;
    }
}

void draw_staff_screen(const ScreenCall& call) {
    switch (call.state.stall.staff) {
        case StaffMode::enter_pin:
        case StaffMode::choose_pin: draw_staff_pin_screen(call); break;
        case StaffMode::panel: draw_staff_panel_screen(call); break;
        case StaffMode::event_form: draw_event_form_screen(call); break;
        case StaffMode::event_results: draw_event_results_screen(call); break;
        case StaffMode::choose_campaign: draw_staff_campaign_screen(call); break;
        case StaffMode::closed: break;
    }
}

}  // namespace

std::vector<Intent> draw_kiosk(const KioskState& state, const ViewContext& view, TouchTargets& targets) {
    targets.clear();
    std::vector<Intent> intents;
    UsePalette colours(shown_palette(state));
    UseTranslation words(view.translation && state.stall.staff == StaffMode::closed ? *view.translation
                                                                                    : english_translation());
    MirroredScreen mirror(mirrored(state, view), ImGui::GetIO().DisplaySize.x);
    std::vector<ImDrawList*> draws{begin_full_screen_window("kiosk", ImGuiWindowFlags_NoBringToFrontOnFocus)};
    {
        const ScreenArea area = full_screen_area();
        if (state.stall.staff != StaffMode::closed)
            draw_staff_screen({state, view, area, targets, intents});
        else
            draw_citizen_screen({state, view, area, targets, intents});
    }
    ImGui::End();

    // An overlay is a window of its own on top: ImGui gives a touch to the topmost window, so
    // nothing underneath can be pressed through it, and only its targets and text count.
    const auto draw_overlay = [&](const char* name, void (*draw_screen)(const ScreenCall&)) {
        targets.clear();
        intents.clear();
        forget_placed_text();
        draws.push_back(begin_full_screen_window(name, ImGuiWindowFlags_NoBackground));
        const ScreenArea area = full_screen_area();
        draw_screen({state, view, area, targets, intents});
        ImGui::End();
    };
    if (state.still_there_seconds_left > 0 && state.stall.staff == StaffMode::closed)
        draw_overlay("still-there", draw_still_there_overlay);
    else if (state.choosing_language && state.stall.staff == StaffMode::closed)
        draw_overlay("languages", draw_language_list);
    else if (!state.notice.empty() && state.stall.staff == StaffMode::closed &&
             (state.screen == Screen::ballot || state.screen == Screen::project_details))
        draw_overlay("ballot-notice", draw_ballot_notice_overlay);
    mirror.finish(draws, targets);
    return intents;
}

}  // namespace sv
