#include "headless_kiosk.hpp"

#include "keyboard_layout.hpp"

#include <catch2/catch.hpp>
#include <cstdlib>

#include "answers_file_services.hpp"
#include "hub_campaign.hpp"
#include "hub_sync.hpp"
#include "keyboard_layout.hpp"
#include "on_screen_keyboard.hpp"
#include "synthetic_touch.hpp"

namespace sv::test {
namespace {

class RecordingSpeaker final : public Speaker {
public:
    explicit RecordingSpeaker(SpokenWords& spoken) : spoken_(spoken) {}
    Status say(const std::string& text, const std::string& language) override {
        spoken_.said.emplace_back(text, language);
        return ok_status();
    }
    void stop() override { ++spoken_.stops; }
    bool speaking() override { return false; }

private:
    SpokenWords& spoken_;
};

}  // namespace

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
    start(data_dir, width, height, std::move(campaign), std::nullopt);
}

HeadlessKiosk::HeadlessKiosk(const std::string& data_dir, int width, int height, const std::string& campaign_file,
                             InWindow window) {
    start(data_dir, width, height, load_or_fail(campaign_file), window);
}

HeadlessKiosk::HeadlessKiosk(const std::string& data_dir, RunsHubCampaign, int width, int height) {
    start(data_dir, width, height, std::nullopt, std::nullopt);
}

void HeadlessKiosk::start(const std::string& data_dir, int width, int height, std::optional<Campaign> campaign,
                          std::optional<InWindow> in_window) {
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    REQUIRE(SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) == 0);
    SDL_FlushEvents(SDL_FIRSTEVENT, SDL_LASTEVENT);
    if (in_window) {
        window_ = SDL_CreateWindow("Streetvoice", 0, 0, width, height, 0);
        REQUIRE(window_);
        renderer_ = SDL_CreateRenderer(window_, -1, SDL_RENDERER_SOFTWARE);
    } else {
        surface_ = SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888);
        REQUIRE(surface_);
        renderer_ = SDL_CreateSoftwareRenderer(surface_);
    }
    REQUIRE(renderer_);
    auto store = Store::open(answers_file_in(data_dir));
    REQUIRE(store.ok());
    store_ = std::move(store).value();
    const std::string hub_pictures = hub_pictures_folder(store_->path());
    const bool runs_hub_campaign = !campaign;
    if (campaign) {
        REQUIRE(store_->remember_campaign(campaign->id, campaign->version, campaign->definition_json).ok());
    } else {
        auto choice = hub_campaign_choice(*store_);
        REQUIRE(choice.ok());
        REQUIRE_FALSE(choice.value().id.empty());
        auto from_hub = hub_campaign(*store_, choice.value(), hub_pictures);
        REQUIRE(from_hub.ok());
        campaign = std::move(from_hub).value();
    }
    auto services = runs_hub_campaign ? hub_campaign_services(*store_, nullptr, hub_pictures)
                                      : answers_file_services(*store_, nullptr);
    // Sync may be attached later (send_with), so each save looks for it then.
    services.save = [this](const ResponseDraft& draft) { return save_and_nudge(*store_, sync_)(draft); };
    desk_ = static_cast<KioskStaffDesk*>(services.desk.get());
    services.speaker = std::make_unique<RecordingSpeaker>(spoken_);
    auto app = KioskApp::create(renderer_, std::move(*campaign), std::move(services),
                                in_window ? in_window->pixels_per_inch : 0);
    if (!app) FAIL(app.error().message);
    app_ = std::move(app).value();
    frames(2);
}

HeadlessKiosk::~HeadlessKiosk() {
    app_.reset();
    SDL_DestroyRenderer(renderer_);
    if (surface_) SDL_FreeSurface(surface_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_Quit();
}

void HeadlessKiosk::resize_window(int width, int height) {
    REQUIRE(window_);
    SDL_SetWindowSize(window_, width, height);
    deliver_queued_events(*app_);
    frames(2);
}

void HeadlessKiosk::tap(const std::string& target_id) {
    const TouchTarget* target = app_->targets().find(target_id);
    INFO("tapping " << target_id << " on the " << screen_name(state().screen) << " screen");
    REQUIRE(target != nullptr);
    REQUIRE(target->enabled);
    sv::tap(*app_, *target);
}

void HeadlessKiosk::tap_on_its_page(const std::string& target_id) {
    if (!can_touch(target_id)) {
        while (can_touch("previous-page")) tap("previous-page");
        while (!can_touch(target_id) && can_touch("next-page")) tap("next-page");
    }
    tap(target_id);
}

void HeadlessKiosk::tap_pixel(float x, float y) {
    const Canvas canvas = app_->canvas();
    SDL_Event finger{};
    finger.type = SDL_FINGERDOWN;
    finger.tfinger.touchId = 1;
    finger.tfinger.fingerId = 1;
    // The centre of the pixel, as a fraction of the screen.
    finger.tfinger.x = (x + 0.5f) / canvas.pixel_width;
    finger.tfinger.y = (y + 0.5f) / canvas.pixel_height;
    finger.tfinger.pressure = 1;
    send(finger);
    finger.type = SDL_FINGERUP;
    finger.tfinger.pressure = 0;
    send(finger);
}

void HeadlessKiosk::frames(int count) {
    for (int i = 0; i < count; ++i) app_->render_frame(kSyntheticFrameSeconds);
}

void HeadlessKiosk::wait(double seconds) {
    app_->render_frame(seconds);
    frames(2);
}

void HeadlessKiosk::send(const SDL_Event& event) {
    SDL_Event copy = event;
    REQUIRE(SDL_PushEvent(&copy) == 1);
    deliver_queued_events(*app_);
    frames(2);
}

void HeadlessKiosk::hold_corner(double seconds) {
    hold_at(20, 20, seconds);
}

void HeadlessKiosk::hold_at(float x, float y, double seconds) {
    const Canvas canvas = app_->canvas();
    SDL_Event finger{};
    finger.type = SDL_FINGERDOWN;
    finger.tfinger.touchId = 1;
    finger.tfinger.fingerId = 1;
    finger.tfinger.x = canvas.pixel_x(x) / canvas.pixel_width;
    finger.tfinger.y = canvas.pixel_y(y) / canvas.pixel_height;
    finger.tfinger.pressure = 1;
    send(finger);
    for (double held = 0; held < seconds; held += 0.25) app_->render_frame(0.25);
    finger.type = SDL_FINGERUP;
    finger.tfinger.pressure = 0;
    send(finger);
}

namespace {

// The key that types `character` on some page of some layout, and whether the character is its
// capital.
std::pair<KeyboardKey, bool> key_typing(const std::string& character) {
    std::vector<const KeyboardRows*> layouts;
    for (const char* language : {"en", "cy", "pl", "ur", "pa"}) {
        layouts.push_back(&letter_rows(language, KeyboardUse::words));
        layouts.push_back(&symbol_rows(language));
    }
    for (const KeyboardRows* rows : layouts)
        for (const auto& keys : *rows)
            for (const KeyboardKey& key : keys) {
                if (key.lower == character) return {key, false};
                if (key.upper == character) return {key, true};
            }
    FAIL("no key types \"" << character << "\"");
    return {};
}

// `text` split into its characters (UTF-8 sequences).
std::vector<std::string> characters_of(const std::string& text) {
    std::vector<std::string> characters;
    for (std::size_t i = 0; i < text.size();) {
        std::size_t length = 1;
        while (i + length < text.size() && (static_cast<unsigned char>(text[i + length]) & 0xC0) == 0x80) ++length;
        characters.push_back(text.substr(i, length));
        i += length;
    }
    return characters;
}

}  // namespace

void HeadlessKiosk::type_on_keyboard(const std::string& text) {
    for (const std::string& character : characters_of(text)) {
        if (character == " ") {
            tap("key-space");
            continue;
        }
        const auto [key, capital] = key_typing(character);
        const std::string id = key_target_id(key.lower);
        // On another page: Latin letters or the language's own, digits and punctuation or letters.
        for (const char* toggle : {"key-script", "key-page", "key-script"})
            if (!can_touch(id) && can_touch(toggle)) tap(toggle);
        if (key.upper != key.lower && capital != state().capitals) tap("key-shift");
        tap(id);
    }
}

void HeadlessKiosk::enter_pin(const std::string& pin) {
    for (char digit : pin) tap(std::string("pin-") + digit);
    tap("pin-enter");
}

unsigned HeadlessKiosk::pixel(int x, int y) {
    REQUIRE(surface_);
    SDL_LockSurface(surface_);
    const auto* row = static_cast<const unsigned char*>(surface_->pixels) + y * surface_->pitch;
    const Uint32 value = reinterpret_cast<const Uint32*>(row)[x];
    SDL_UnlockSurface(surface_);
    return value & 0xFFFFFF;
}

void sync_with_hub(const std::string& data_dir, const RunningHub& hub) {
    auto store = Store::open(answers_file_in(data_dir));
    REQUIRE(store.ok());
    auto connection = HubConnection::open(hub.url(), {});
    REQUIRE(connection.ok());
    WakeSignal signal;
    SyncSettings settings;
    settings.patience = std::chrono::seconds(20);
    HubSync sync(store.value(), connection.value(), settings, signal);
    if (!sync.enrolled().value()) REQUIRE(sync.enrol(hub.enrolment_code()).ok());
    REQUIRE(sync.send_outbox().ok());
    REQUIRE(sync.pull_campaigns().ok());
    CHECK(store.value().outbox_counts().value().pending == 0);
}

}  // namespace sv::test
