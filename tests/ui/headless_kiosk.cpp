#include "headless_kiosk.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "synthetic_touch.hpp"

namespace sv::test {

namespace {

Campaign load_or_fail(const std::string& campaign_file) {
    auto campaign = load_campaign_file(campaign_file);
    if (!campaign) FAIL(campaign.error().message);
    return std::move(campaign).value();
}

}  // namespace

HeadlessKiosk::HeadlessKiosk(const std::string& data_dir, int width, int height, const std::string& campaign_file)
    : HeadlessKiosk(data_dir, width, height, load_or_fail(campaign_file)) {}

HeadlessKiosk::HeadlessKiosk(const std::string& data_dir, int width, int height, Campaign campaign) {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
    REQUIRE(surface_);
    renderer_ = SDL_CreateSoftwareRenderer(surface_);
    REQUIRE(renderer_);
    auto store = Store::open(answers_file_in(data_dir));
    REQUIRE(store.ok());
    store_ = std::move(store).value();
    REQUIRE(store_->remember_campaign(campaign.id, campaign.version, campaign.definition_json).ok());
    auto app = KioskApp::create(renderer_, std::move(campaign),
                                [this](const ResponseDraft& draft) { return save_and_nudge(*store_, sync_)(draft); });
    if (!app) FAIL(app.error().message);
    app_ = std::move(app).value();
    frames(2);
}

HeadlessKiosk::~HeadlessKiosk() {
    app_.reset();
    SDL_DestroyRenderer(renderer_);
    SDL_FreeSurface(surface_);
    SDL_Quit();
}

void HeadlessKiosk::tap(const std::string& target_id) {
    const TouchTarget* target = app_->targets().find(target_id);
    INFO("tapping " << target_id << " on the " << screen_name(state().screen) << " screen");
    REQUIRE(target != nullptr);
    REQUIRE(target->enabled);
    sv::tap(*app_, *target);
}

void HeadlessKiosk::frames(int count) {
    for (int i = 0; i < count; ++i) app_->render_frame(kSyntheticFrameSeconds);
}

unsigned HeadlessKiosk::pixel(int x, int y) {
    SDL_LockSurface(surface_);
    const auto* row = static_cast<const unsigned char*>(surface_->pixels) + y * surface_->pitch;
    const Uint32 value = reinterpret_cast<const Uint32*>(row)[x];
    SDL_UnlockSurface(surface_);
    return value & 0xFFFFFF;
}

}  // namespace sv::test
