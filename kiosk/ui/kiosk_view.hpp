#pragma once
// Draws the current screen and returns what the citizen asked for this frame.
// Reads the state; never changes it, never touches storage or the network.
#include <vector>

#include "intent.hpp"
#include "kiosk_state.hpp"
#include "touch_targets.hpp"
#include "view_context.hpp"

namespace sv {

// Must be called between ImGui::NewFrame() and ImGui::Render().
std::vector<Intent> draw_kiosk(const KioskState& state, const ViewContext& view, TouchTargets& targets);

}  // namespace sv
