#include "synthetic_touch.hpp"

#include <SDL.h>

namespace sv {

void push_finger(const KioskApp& app, Uint32 type, const TouchTarget& target) {
    const Canvas canvas = app.canvas();
    SDL_Event event{};
    event.type = type;
    event.tfinger.touchId = 1;
    event.tfinger.fingerId = 1;
    // Touch screens report positions as fractions of the screen.
    event.tfinger.x = canvas.pixel_x(target.centre_x()) / canvas.pixel_width;
    event.tfinger.y = canvas.pixel_y(target.centre_y()) / canvas.pixel_height;
    event.tfinger.pressure = type == SDL_FINGERUP ? 0.0f : 1.0f;
    SDL_PushEvent(&event);
}

bool deliver_queued_events(KioskApp& app) {
    SDL_Event event;
    while (SDL_PollEvent(&event)) app.handle_event(event);
    return app.quit_requested();
}

void tap(KioskApp& app, const TouchTarget& target) {
    push_finger(app, SDL_FINGERDOWN, target);
    deliver_queued_events(app);
    app.render_frame(kSyntheticFrameSeconds);
    push_finger(app, SDL_FINGERUP, target);
    deliver_queued_events(app);
    app.render_frame(kSyntheticFrameSeconds);  // ImGui sees the release: the intent is applied
    app.render_frame(kSyntheticFrameSeconds);  // the next screen is drawn and its targets known
}

}  // namespace sv
