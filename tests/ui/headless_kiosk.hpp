#pragma once
// The real kiosk app, in-process, drawing into memory with SDL's software renderer and
// touched through SDL's event queue: the same path as a finger on a tablet.
#include <SDL.h>

#include <memory>
#include <optional>
#include <string>

#include "background_sync.hpp"
#include "kiosk_app.hpp"
#include "store.hpp"

namespace sv::test {

class HeadlessKiosk {
public:
    HeadlessKiosk(const std::string& data_dir, int width = 1280, int height = 800,
                  const std::string& campaign_file = STREETVOICE_DEMO_CAMPAIGN);
    // The same, running a campaign already loaded (for variants made in a test).
    HeadlessKiosk(const std::string& data_dir, int width, int height, Campaign campaign);
    ~HeadlessKiosk();

    KioskApp& app() { return *app_; }
    Store& store() { return *store_; }
    // Every save from now on nudges `sync`, as in the real kiosk.
    void send_with(BackgroundSync* sync) { sync_ = sync; }
    KioskState& state() { return app_->state(); }
    // Taps the named target; fails the test if it is not on screen or not enabled.
    void tap(const std::string& target_id);
    void frames(int count);
    // The colour (0xRRGGBB) of one pixel of the last frame.
    unsigned pixel(int x, int y);

private:
    SDL_Surface* surface_ = nullptr;
    SDL_Renderer* renderer_ = nullptr;
    std::optional<Store> store_;
    std::unique_ptr<KioskApp> app_;
    BackgroundSync* sync_ = nullptr;
};

}  // namespace sv::test
