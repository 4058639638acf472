#pragma once
// The real kiosk app, in-process, drawing into memory with SDL's software renderer and
// touched through SDL's event queue: the same path as a finger on a tablet.
#include <SDL.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "background_sync.hpp"
#include "kiosk_app.hpp"
#include "kiosk_staff_desk.hpp"
#include "running_hub.hpp"
#include "store.hpp"

namespace sv::test {

// What the kiosk asked its voice to say, in place of the loudspeaker.
struct SpokenWords {
    std::vector<std::pair<std::string, std::string>> said;  // text, language
    int stops = 0;
};

// Drawn into a window of SDL's dummy video driver, which can be resized, rather than a picture.
struct InWindow {
    float pixels_per_inch = 0;  // the screen's density, 0 when unknown
};

// Runs the campaign its hub published, as the kiosk started with a hub and no --campaign: the
// data folder must have synced with the hub already.
struct RunsHubCampaign {};

class HeadlessKiosk {
public:
    HeadlessKiosk(const std::string& data_dir, int width = 1280, int height = 800,
                  const std::string& campaign_file = STREETVOICE_DEMO_CAMPAIGN);
    // The same, running a campaign already loaded (for variants made in a test).
    HeadlessKiosk(const std::string& data_dir, int width, int height, Campaign campaign);
    HeadlessKiosk(const std::string& data_dir, int width, int height, const std::string& campaign_file, InWindow);
    HeadlessKiosk(const std::string& data_dir, RunsHubCampaign, int width = 1280, int height = 800);
    // Gives the window a new size, as a compositor does when the tablet is turned, and lets the
    // kiosk see the window's events and draw.
    void resize_window(int width, int height);
    ~HeadlessKiosk();

    KioskApp& app() { return *app_; }
    // Everything "read aloud" said, and how often it was cut off.
    const SpokenWords& spoken() const { return spoken_; }
    Store& store() { return *store_; }
    // Every save from now on nudges `sync`, as in the real kiosk.
    void send_with(BackgroundSync* sync) {
        sync_ = sync;
        desk_->attach_sync(sync);
    }
    // Presses the top-left corner and keeps the finger there for `seconds`, then lifts it.
    void hold_corner(double seconds);
    // Holds a finger still at one point of the layout for `seconds`, then lifts it.
    void hold_at(float x, float y, double seconds);
    // Types on the on-screen keyboard, with the shift key where a letter's case needs it.
    void type_on_keyboard(const std::string& text);
    // Types a PIN on the staff PIN pad and presses OK.
    void enter_pin(const std::string& pin);
    KioskState& state() { return app_->state(); }
    // The named target is on screen and can be touched.
    bool can_touch(const std::string& target_id) const {
        const TouchTarget* target = app_->targets().find(target_id);
        return target && target->enabled;
    }
    // Taps the named target; fails the test if it is not on screen or not enabled.
    void tap(const std::string& target_id);
    // Taps a target on a budget project's card ("choose-ID", "details-ID"), first turning the
    // pages of cards to the one it is on: how many cards a page holds depends on the screen.
    void tap_on_its_page(const std::string& target_id);
    // A finger down and up at one screen pixel.
    void tap_pixel(float x, float y);
    void frames(int count);
    // Lets `seconds` pass with nobody touching the screen, then draws what it shows.
    void wait(double seconds);
    // Delivers an SDL event (a key, a window close) the way the real loop does.
    void send(const SDL_Event& event);
    // The colour (0xRRGGBB) of one pixel of the last frame (drawn into a picture, not a window).
    unsigned pixel(int x, int y);

private:
    // `campaign`: none runs the hub's.
    void start(const std::string& data_dir, int width, int height, std::optional<Campaign> campaign,
               std::optional<InWindow> window);

    SDL_Window* window_ = nullptr;
    SDL_Surface* surface_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::optional<Store> store_;
    std::unique_ptr<KioskApp> app_;
    BackgroundSync* sync_ = nullptr;
    KioskStaffDesk* desk_ = nullptr;  // owned by the app
    SpokenWords spoken_;
};

// Enrols the kiosk whose answers are in `data_dir` (first time), sends everything and fetches
// the campaigns, as the kiosk's sync does.
void sync_with_hub(const std::string& data_dir, const RunningHub& hub);

}  // namespace sv::test
