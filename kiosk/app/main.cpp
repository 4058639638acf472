// streetvoice-kiosk: the stall tablet's app.
#include <SDL.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>
#include <variant>

#include "answers_file_services.hpp"
#include "autopilot.hpp"
#include "background_sync.hpp"
#include "campaign.hpp"
#include "data_directory.hpp"
#include "hub_campaign.hpp"
#include "hub_sync.hpp"
#include "installed_files.hpp"
#include "kiosk_app.hpp"
#include "kiosk_staff_desk.hpp"
#include "layout_check.hpp"
#include "screenshot_tour.hpp"
#include "speech.hpp"
#include "stop_signals.hpp"
#include "store.hpp"
#include "synthetic_touch.hpp"
#include "translated_text.hpp"

namespace {

struct Options {
    std::string data_dir = sv::default_data_directory();
    std::string campaign = sv::shipped_assets_directory() + "/campaigns/demo-place-standard.json";
    bool campaign_given = false;  // --campaign on the command line or in the settings file
    std::string screenshots;
    int autopilot = 0;
    unsigned seed = 1;
    std::string size = "1280x800";
    int width = 0, height = 0;  // --size, read
    bool fullscreen = false;
    float pixels_per_inch = 0;
    bool exit_after_first_frame = false;
    int problem_retry_seconds = 60;
    std::string hub;
    std::string enrol;
    std::string ca_file;
    std::string text_size = "standard";
    bool high_contrast = false;
    std::string language;
    std::string screen;  // for --screenshots: just this one
};

constexpr int kExitUsage = 2;
constexpr int kExitFailure = 3;

int fail(int code, const std::string& message) {
    std::fprintf(stderr, "streetvoice-kiosk: %s\n", message.c_str());
    return code;
}

bool parse_size(const std::string& text, int& width, int& height) {
    char x = 0;
    char rest = 0;
    return std::sscanf(text.c_str(), "%d%c%d%c", &width, &x, &height, &rest) == 3 && (x == 'x' || x == 'X') &&
           width >= 320 && height >= 320 && width <= 8192 && height <= 8192;
}

// Set when the system asks the kiosk to stop; its event wakes the sleeping loop.
std::atomic<bool> stop_requested{false};
Uint32 stop_event_type = 0;

void start_watching_stop_signals() {
    // SDL would turn SIGINT/SIGTERM into SDL_QUIT, which the kiosk ignores from citizens.
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    sv::watch_stop_signals([] {
        stop_requested = true;
        if (stop_event_type == 0) return;
        SDL_Event wake{};
        wake.type = stop_event_type;
        SDL_PushEvent(&wake);
    });
}

// Every screen to a PNG, each checked for layout problems and missing translations on the way
// (listed on stderr).
int run_screenshots(sv::KioskApp& app, const Options& options) {
    const std::string& folder = options.screenshots;
    if (auto made = sv::ensure_directory(folder); !made) return fail(kExitFailure, made.error().message);
    const auto& offered = app.campaign().languages;
    const std::string& language = options.language;
    if (!language.empty() && std::find(offered.begin(), offered.end(), language) == offered.end())
        return fail(kExitUsage, "This campaign is not offered in \"" + language + "\".");
    auto tour = sv::screenshot_tour(app.campaign());
    if (!options.screen.empty()) {
        tour.erase(std::remove_if(tour.begin(), tour.end(),
                                  [&](const sv::TourStop& stop) { return stop.name != options.screen; }),
                   tour.end());
        if (tour.empty()) return fail(kExitUsage, "This campaign has no screen called \"" + options.screen + "\".");
    }
    // Only the frame saved is painted; the frames before it settle the layout.
    app.stop_painting();
    int problems = 0;
    std::set<std::string> missing;
    sv::RecordMissingPhrases recording(missing);
    for (auto stop : tour) {
        stop.state.text_size = sv::text_size_from_key(options.text_size).value_or(sv::TextSize::standard);
        stop.state.high_contrast = options.high_contrast;
        stop.state.language = language;
        app.state() = stop.state;
        const std::string path = folder + "/" + stop.name + ".png";
        for (int frame = 0; frame < 2; ++frame) app.render_frame(0);
        app.state() = stop.state;  // the tour shows each state exactly, timers and all
        if (auto written = app.render_frame(0, path); !written) return fail(kExitFailure, written.error().message);
        std::printf("%s\n", path.c_str());
        const sv::Canvas canvas = app.canvas();
        for (const auto& problem : sv::layout_problems(app.targets(), app.placed_text(), canvas.width, canvas.height)) {
            std::fprintf(stderr, "%s: %s\n", stop.name.c_str(), problem.c_str());
            ++problems;
        }
    }
    for (const auto& phrase : missing) std::fprintf(stderr, "missing translation: %s\n", phrase.c_str());
    if (problems > 0) return fail(kExitFailure, std::to_string(problems) + " layout problems (listed above)");
    if (!missing.empty())
        return fail(kExitFailure, std::to_string(missing.size()) + " phrases have no translation (listed above)");
    return 0;
}

int run_autopilot(sv::KioskApp& app, int citizens, unsigned seed) {
    sv::Autopilot pilot(seed);
    app.stop_painting();
    constexpr double kFrame = sv::kSyntheticFrameSeconds;
    int thanked = 0;
    int idle_frames = 0;
    // A citizen typing long comments on every theme needs about a thousand taps; far more
    // than that without a thank-you means the autopilot is going round in circles.
    constexpr int kMostTapsPerCitizen = 5000;
    int taps_since_thanks = 0;
    app.render_frame(kFrame);
    while (thanked < citizens) {
        if (stop_requested)
            return fail(kExitFailure, "stopped by the system after " + std::to_string(thanked) + " citizens");
        if (auto uuid = app.take_new_thanks()) {
            std::printf("thanked %s\n", uuid->c_str());
            std::fflush(stdout);
            taps_since_thanks = 0;
            if (++thanked == citizens) break;
        }
        if (app.state().screen == sv::Screen::save_failed) return fail(kExitFailure, app.state().save_error);
        const auto target = pilot.next_touch(app.state(), app.targets());
        if (!target) {
            if (++idle_frames > 600)
                return fail(kExitFailure, std::string("autopilot found nothing to touch on the ") +
                                              sv::screen_name(app.state().screen) + " screen");
            app.render_frame(kFrame);
            continue;
        }
        idle_frames = 0;
        if (++taps_since_thanks > kMostTapsPerCitizen)
            return fail(kExitFailure, std::string("autopilot tapped ") + std::to_string(kMostTapsPerCitizen) +
                                          " times without finishing a response; stuck on the " +
                                          sv::screen_name(app.state().screen) + " screen");
        sv::tap(app, *target);
    }
    return 0;
}

// A screen turned on its side, or another output, changes the screen's size: the window
// follows, and the next frame is laid out for what it then has.
void fill_screen(SDL_Window* window) {
    SDL_Rect screen;
    const int display = SDL_GetWindowDisplayIndex(window);
    if (display < 0 || SDL_GetDisplayBounds(display, &screen) != 0) return;
    int x = 0, y = 0, w = 0, h = 0;
    SDL_GetWindowPosition(window, &x, &y);
    SDL_GetWindowSize(window, &w, &h);
    if (x == screen.x && y == screen.y && w == screen.w && h == screen.h) return;
    SDL_SetWindowPosition(window, screen.x, screen.y);
    SDL_SetWindowSize(window, screen.w, screen.h);
}

// The screen's density: what staff set, else what the display reports (if believable), else unknown.
float screen_pixels_per_inch(SDL_Window* window, float staff_set) {
    if (staff_set > 0 || !window) return staff_set;
    float diagonal = 0;
    const int display = SDL_GetWindowDisplayIndex(window);
    if (display < 0 || SDL_GetDisplayDPI(display, &diagonal, nullptr, nullptr) != 0) return 0;
    return sv::believable_pixels_per_inch(diagonal) ? diagonal : 0;
}

// `fullscreen_window`: kept the size of its screen; none for a window of its own size.
// `give_up_after_seconds`: ends the loop after this long (0: never).
int run_interactive(sv::KioskApp& app, bool exit_after_first_frame, SDL_Window* fullscreen_window,
                    double give_up_after_seconds = 0) {
    bool quit = false;
    if (exit_after_first_frame) {
        auto drawn = app.render_frame(0);
        return drawn ? 0 : fail(kExitFailure, drawn.error().message);
    }
    Uint64 last = SDL_GetPerformanceCounter();
    const Uint64 started = last;
    const double ticks_per_second = static_cast<double>(SDL_GetPerformanceFrequency());
    while (!quit) {
        // Sleep until input arrives or a timer needs the screen; draw only when something changed.
        double wait = app.wants_frame() ? 0.0 : app.seconds_until_timer();
        if (give_up_after_seconds > 0)
            wait = std::min(
                wait, std::max(0.0, give_up_after_seconds -
                                        static_cast<double>(SDL_GetPerformanceCounter() - started) / ticks_per_second));
        SDL_Event event;
        const bool got_event = SDL_WaitEventTimeout(&event, static_cast<int>(std::ceil(wait * 1000))) == 1;
        if (got_event) {
            if (fullscreen_window && (event.type == SDL_DISPLAYEVENT || event.type == SDL_WINDOWEVENT))
                fill_screen(fullscreen_window);
            app.handle_event(event);
            quit = sv::deliver_queued_events(app);
        }
        quit = quit || stop_requested;
        const Uint64 now = SDL_GetPerformanceCounter();
        const double elapsed = static_cast<double>(now - last) / ticks_per_second;
        const bool timer_due = elapsed >= wait;
        const double shown_for = static_cast<double>(now - started) / ticks_per_second;
        if (give_up_after_seconds > 0 && shown_for >= give_up_after_seconds) quit = true;
        if (got_event || app.wants_frame() || timer_due) {
            last = now;
            if (auto drawn = app.render_frame(elapsed); !drawn) return fail(kExitFailure, drawn.error().message);
            quit = quit || app.quit_requested();  // a hold of the corner on the cannot-start page
        }
    }
    return 0;
}

// The command line, or the exit code when it was not usable (or only asked for --help).
std::variant<Options, int> parse_options(int argc, char** argv) {
    Options options;
    CLI::App cli{"Streetvoice kiosk: Place Standard ratings at a stall, stored safely on this device."};
    cli.set_version_flag("--version", "streetvoice-kiosk " STREETVOICE_VERSION);
    // The installed service reads /etc/streetvoice/kiosk.conf this way (keys are the long flags' names).
    cli.set_config("--config", "", "Settings file (INI/TOML), e.g. /etc/streetvoice/kiosk.conf");
    cli.add_option("--data-dir", options.data_dir, "Folder for the answers file")->capture_default_str();
    cli.add_option("--campaign", options.campaign,
                   "Campaign definition (JSON). Without it, a kiosk with a hub runs the hub's campaign once it "
                   "has reached the hub, and this one until then")
        ->capture_default_str();
    cli.add_option("--screenshots", options.screenshots, "Render every screen to PNG files in this folder, then exit");
    cli.add_option("--autopilot", options.autopilot, "Run N simulated citizens headless, then exit")
        ->check(CLI::Range(1, 10000000));
    cli.add_option("--seed", options.seed, "Random seed for --autopilot")->capture_default_str();
    cli.add_option("--size", options.size, "Screen size WIDTHxHEIGHT, e.g. 800x1280 for a portrait tablet")
        ->capture_default_str();
    cli.add_option("--text-size", options.text_size, "Text size for --screenshots: standard, large or very-large")
        ->check(CLI::IsMember({"standard", "large", "very-large"}))
        ->capture_default_str();
    cli.add_flag("--high-contrast", options.high_contrast, "For --screenshots: the high-contrast colours");
    cli.add_option("--language", options.language, "For --screenshots: a language of the campaign, e.g. cy");
    cli.add_option("--screen", options.screen, "For --screenshots: only the screen of this name, e.g. 01-welcome");
    cli.add_flag("--fullscreen", options.fullscreen, "Fill the whole screen");
    cli.add_option("--pixels-per-inch", options.pixels_per_inch,
                   "The screen's density, when it does not report it or reports it wrongly (e.g. 224 for a "
                   "2560x1600 13-inch screen); text keeps its tablet size on the glass")
        ->check(CLI::Range(50.0f, 1000.0f));
    cli.add_flag("--exit-after-first-frame", options.exit_after_first_frame,
                 "Start, draw the welcome screen once and exit (for start-up benchmarks)");
    cli.add_option("--problem-retry-after", options.problem_retry_seconds,
                   "Seconds a kiosk that cannot start shows why before it ends, so its service starts it again "
                   "(0: until staff close it)")
        ->check(CLI::Range(0, 86400))
        ->capture_default_str();
    cli.add_option("--hub", options.hub, "Send answers to this hub in the background, e.g. https://hub.example.org");
    cli.add_option("--enrol", options.enrol, "One-time enrolment code for --hub (first start only)");
    cli.add_option("--ca-file", options.ca_file, "Certificate authority for a hub with the council's own certificate");
    try {
        cli.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return cli.exit(e);
    }
    options.campaign_given = cli.count("--campaign") > 0;
    if (!parse_size(options.size, options.width, options.height))
        return fail(kExitUsage, "--size must look like 1280x800 (each side 320 to 8192 pixels)");
    return options;
}

// What the kiosk runs on: its campaign, its answers file and, once a hub is known, sync. Or
// the problem that stops it, reported on stderr with an exit code when headless, and on the
// screen for staff when the kiosk is running for real.
struct KioskServices {
    std::optional<sv::Campaign> campaign;
    std::optional<sv::Store> store;
    std::unique_ptr<sv::BackgroundSync> sync;
    std::string problem;
    int problem_code = 0;
    // Runs the campaign its hub published (once it has one), taking up newer versions.
    bool runs_hub_campaign = false;
    std::string hub_pictures;   // where the hub's campaign pictures are kept
    std::string campaign_note;  // for staff: why the campaign running is not the file given
};

KioskServices open_services(const Options& options) {
    KioskServices services;
    auto stop = [&services](int code, const std::string& problem) {
        services.problem = problem;
        services.problem_code = code;
        return std::move(services);
    };
    if (auto made = sv::ensure_directory(options.data_dir); !made) return stop(kExitFailure, made.error().message);
    auto opened = sv::Store::open(sv::answers_file_in(options.data_dir));
    if (!opened) return stop(kExitFailure, opened.error().message);
    services.store = std::move(opened).value();
    const std::string hub = options.hub.empty() ? sv::enrolled_hub_url(*services.store) : options.hub;
    services.runs_hub_campaign = !hub.empty() && !options.campaign_given;
    services.hub_pictures = sv::hub_pictures_folder(services.store->path());
    if (services.runs_hub_campaign) {
        auto choice = sv::hub_campaign_choice(*services.store);
        if (!choice) return stop(kExitFailure, choice.error().message);
        if (!choice.value().id.empty()) {
            auto campaign = sv::hub_campaign(*services.store, choice.value(), services.hub_pictures);
            if (!campaign) return stop(kExitFailure, campaign.error().message);
            services.campaign = std::move(campaign).value();
        }
    }
    if (!services.campaign) {
        // No hub, or not heard from yet: the file given (or the bundled demo).
        auto loaded = sv::load_campaign_file(options.campaign);
        if (!loaded) return stop(kExitUsage, loaded.error().message);
        const sv::Campaign& campaign = loaded.value();
        if (!hub.empty()) {
            // The file changed without a new version number: the hub's copy, which this kiosk holds, wins.
            auto held = sv::held_copy_differing_from(*services.store, campaign);
            if (!held) return stop(kExitFailure, held.error().message);
            if (held.value()) {
                std::fprintf(stderr,
                             "streetvoice-kiosk: The campaign file %s is not the same as version %d of \"%s\" "
                             "that this kiosk holds from its hub, so the hub's copy runs. Give a changed file a "
                             "new version number and publish it on the hub.\n",
                             options.campaign.c_str(), campaign.version, campaign.id.c_str());
                services.campaign_note = "Campaign file set aside: the hub's copy runs.";
                services.campaign = std::move(*held.value());
            }
        }
        if (!services.campaign) {
            if (auto remembered =
                    services.store->remember_campaign(campaign.id, campaign.version, campaign.definition_json);
                !remembered)
                return stop(kExitUsage, remembered.error().message);
            services.campaign = std::move(loaded).value();
        }
    }
    // Sync starts only on a kiosk that can collect answers, once a hub is known.
    if (options.screenshots.empty() && !hub.empty()) {
        sv::BackgroundSyncSettings settings;
        settings.answers_path = services.store->path();
        settings.hub_url = hub;
        settings.enrol_code = options.enrol;
        settings.connection.ca_file = options.ca_file;
        if (!options.ca_file.empty()) (void)services.store->save_setting(sv::hub_setting::ca_file, options.ca_file);
        services.sync = std::make_unique<sv::BackgroundSync>(settings);
    }
    return services;
}

// What the kiosk draws on: a window, or memory when headless. SDL is stopped with it.
struct KioskScreen {
    SDL_Window* window = nullptr;
    SDL_Surface* surface = nullptr;
    SDL_Renderer* renderer = nullptr;

    KioskScreen() = default;
    KioskScreen(const KioskScreen&) = delete;
    KioskScreen& operator=(const KioskScreen&) = delete;
    ~KioskScreen() {
        if (renderer) SDL_DestroyRenderer(renderer);
        if (surface) SDL_FreeSurface(surface);
        if (window) SDL_DestroyWindow(window);
        SDL_Quit();
    }
};

// Null with the reason on stderr when there is no screen to draw on.
std::unique_ptr<KioskScreen> open_screen(const Options& options, bool headless) {
    if (headless) setenv("SDL_VIDEODRIVER", "dummy", 0);
    start_watching_stop_signals();
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        fail(kExitFailure, std::string("could not start the display: ") + SDL_GetError());
        return nullptr;
    }
    auto screen = std::make_unique<KioskScreen>();
    stop_event_type = SDL_RegisterEvents(1);
    if (headless) {
        // No window at all: a software renderer drawing into memory.
        screen->surface =
            SDL_CreateRGBSurfaceWithFormat(0, options.width, options.height, 32, SDL_PIXELFORMAT_ARGB8888);
        screen->renderer = screen->surface ? SDL_CreateSoftwareRenderer(screen->surface) : nullptr;
    } else {
        // No SDL_WINDOW_ALLOW_HIGHDPI: mouse events come in window units and the kiosk draws in pixels.
        // Fullscreen, the window is made the screen's own size from the start: with no window
        // manager to obey the fullscreen flag (a bare X server, some kiosk sessions) it would
        // otherwise stay at --size, centred, cut off or with black bands.
        const Uint32 flags =
            options.fullscreen ? static_cast<Uint32>(SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS) : 0u;
        SDL_Rect bounds{SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width, options.height};
        if (options.fullscreen) SDL_GetDisplayBounds(0, &bounds);
        screen->window = SDL_CreateWindow("Streetvoice", bounds.x, bounds.y, bounds.w, bounds.h, flags);
        SDL_Window* window = screen->window;
        if (window)
            screen->renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
        if (window && !screen->renderer) screen->renderer = SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE);
    }
    if (!screen->renderer) {
        fail(kExitFailure, std::string("could not open the screen: ") + SDL_GetError());
        return nullptr;
    }
    return screen;
}

// The kiosk wired to its services; or, when they could not be opened, the page that tells
// staff why. `headless`: a problem is an error instead.
sv::Result<std::unique_ptr<sv::KioskApp>> make_app(KioskServices& services, SDL_Renderer* renderer,
                                                   float pixels_per_inch, bool headless) {
    if (!services.problem.empty())
        return sv::KioskApp::create_cannot_start(renderer, services.problem, pixels_per_inch);
    auto wired = services.runs_hub_campaign
                     ? sv::hub_campaign_services(*services.store, services.sync.get(), services.hub_pictures)
                     : sv::answers_file_services(*services.store, services.sync.get());
    if (!services.campaign_note.empty())
        static_cast<sv::KioskStaffDesk&>(*wired.desk).show_campaign_note(services.campaign_note);
    if (!headless) wired.speaker = sv::make_system_speaker();
    auto app = sv::KioskApp::create(renderer, std::move(*services.campaign), std::move(wired), pixels_per_inch);
    if (!app && !headless) {
        // Something in the campaign's folder (a picture) is unusable: tell staff on the screen.
        services.problem = app.error().message;
        services.problem_code = kExitUsage;
        return sv::KioskApp::create_cannot_start(renderer, services.problem, pixels_per_inch);
    }
    return app;
}

}  // namespace

int main(int argc, char** argv) {
    auto parsed = parse_options(argc, argv);
    if (const int* code = std::get_if<int>(&parsed)) return *code;
    const Options& options = std::get<Options>(parsed);
    const bool headless = !options.screenshots.empty() || options.autopilot > 0;
    KioskServices services = open_services(options);
    if (!services.problem.empty() && headless) return fail(services.problem_code, services.problem);
    const auto screen = open_screen(options, headless);
    if (!screen) return kExitFailure;
    SDL_Window* window = screen->window;
    auto app = make_app(services, screen->renderer, screen_pixels_per_inch(window, options.pixels_per_inch), headless);
    if (!services.problem.empty()) std::fprintf(stderr, "streetvoice-kiosk: %s\n", services.problem.c_str());
    if (!app) return fail(kExitFailure, app.error().message);
    if (!options.screenshots.empty()) return run_screenshots(*app.value(), options);
    if (options.autopilot > 0) return run_autopilot(*app.value(), options.autopilot, options.seed);
    // A kiosk that cannot start ends after a minute, so systemd starts it (and cage) again: a
    // disk or network that was not ready yet may be by then.
    const int code =
        run_interactive(*app.value(), options.exit_after_first_frame, options.fullscreen ? window : nullptr,
                        services.problem.empty() ? 0 : options.problem_retry_seconds);
    return code == 0 ? services.problem_code : code;  // the kiosk showed a problem instead of running
}
