#include "kiosk_view.hpp"

#include "screen_layout.hpp"

namespace sv {

std::vector<Intent> draw_kiosk(const KioskState& state, const ViewContext& view, TouchTargets& targets) {
    targets.clear();
    std::vector<Intent> intents;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::Begin("kiosk", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
    ScreenArea area;
    area.width = io.DisplaySize.x;
    area.height = io.DisplaySize.y;
    area.portrait = area.height > area.width;
    area.margin = area.width < 900 ? 40.0f : 64.0f;
    area.draw = ImGui::GetWindowDrawList();
    const ScreenCall call{state, view, area, targets, intents};
    switch (state.screen) {
        case Screen::welcome: draw_welcome_screen(call); break;
        case Screen::question: draw_question_screen(call); break;
        case Screen::comment: draw_comment_screen(call); break;
        case Screen::ballot: draw_ballot_screen(call); break;
        case Screen::project_details: draw_project_details_screen(call); break;
        case Screen::ballot_review: draw_ballot_review_screen(call); break;
        case Screen::save_failed: draw_save_failed_screen(call); break;
        case Screen::thanks: draw_thanks_screen(call); break;
        case Screen::cannot_start: draw_cannot_start_screen(call); break;
    }
    ImGui::End();
    return intents;
}

}  // namespace sv
