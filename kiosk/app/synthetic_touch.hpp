#pragma once
// A finger tap pushed through SDL's event queue, exactly as a touch screen delivers it,
// then the frames the kiosk needs to react and draw the next screen.
#include "kiosk_app.hpp"
#include "touch_targets.hpp"

namespace sv {

constexpr double kSyntheticFrameSeconds = 1.0 / 60;

// Puts a finger event (SDL_FINGERDOWN, SDL_FINGERUP) at the centre of `target` on SDL's
// queue, as a touch screen reports it; deliver_queued_events hands it to the app.
void push_finger(const KioskApp& app, Uint32 type, const TouchTarget& target);
// Delivers everything queued to the app; true if staff have asked it to close.
bool deliver_queued_events(KioskApp& app);
// Taps the centre of `target` and renders until the result is on screen.
void tap(KioskApp& app, const TouchTarget& target);

}  // namespace sv
