// The first press of "Bigger text" and of each language: the frame that first shows it, against
// a frame of the same screen later and a frame at the standard size. The welcome screen of
// the bundled demo, SDL's software renderer in memory (dummy video driver). Run on demand:
//   build/tests/bench/kiosk_text_size_bench [WIDTHxHEIGHT]   (1280x800 unless given)
// A screen bigger than the layout bakes sharper letters: try 1920x1200 too.
#include <SDL.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "kiosk_app.hpp"
#include "synthetic_touch.hpp"

namespace {

using clock_type = std::chrono::steady_clock;

double frame_ms(sv::KioskApp& app) {
    const auto start = clock_type::now();
    if (auto drawn = app.render_frame(1.0 / 60); !drawn) std::fprintf(stderr, "%s\n", drawn.error().message.c_str());
    return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

double median_frame_ms(sv::KioskApp& app, int frames) {
    std::vector<double> times;
    for (int i = 0; i < frames; ++i) times.push_back(frame_ms(app));
    std::sort(times.begin(), times.end());
    return times[times.size() / 2];
}

// Presses a button and returns how long the frame that first shows what it did took.
double press(sv::KioskApp& app, const std::string& target) {
    const sv::TouchTarget* button = app.targets().find(target);
    if (!button) return -1;
    const sv::TouchTarget pressed = *button;
    sv::push_finger(app, SDL_FINGERDOWN, pressed);
    sv::deliver_queued_events(app);
    frame_ms(app);
    sv::push_finger(app, SDL_FINGERUP, pressed);
    sv::deliver_queued_events(app);
    frame_ms(app);  // the press is seen and the size changed once this frame is drawn
    return frame_ms(app);
}

}  // namespace

int main(int argc, char** argv) {
    int width = 1280, height = 800;
    if (argc > 1 && std::sscanf(argv[1], "%dx%d", &width, &height) != 2) {
        std::fprintf(stderr, "usage: kiosk_text_size_bench [WIDTHxHEIGHT]\n");
        return 2;
    }
    SDL_SetHint(SDL_HINT_VIDEODRIVER, "dummy");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) return 1;
    SDL_Window* window = SDL_CreateWindow("bench", 0, 0, width, height, 0);
    SDL_Renderer* renderer = window ? SDL_CreateRenderer(window, -1, SDL_RENDERER_SOFTWARE) : nullptr;
    if (!renderer) return 1;
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_CAMPAIGN);
    if (!campaign) return 1;
    sv::KioskServices services;
    services.save = [](const sv::ResponseDraft&) -> sv::Result<sv::StoredResponse> { return sv::Error{"not saved"}; };

    const auto start = clock_type::now();
    auto app = sv::KioskApp::create(renderer, std::move(campaign).value(), std::move(services));
    const double create_ms = std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
    if (!app) {
        std::fprintf(stderr, "%s\n", app.error().message.c_str());
        return 1;
    }
    sv::KioskApp& kiosk = *app.value();
    const double first_frame = frame_ms(kiosk);
    std::printf("screen %dx%d (letters baked at %.2fx)\n", width, height, std::max(1.0f, kiosk.canvas().scale));
    std::printf("%-48s %7.2f ms\n", "kiosk made (standard size baked)", create_ms);
    std::printf("%-48s %7.2f ms\n", "first frame", first_frame);
    std::printf("%-48s %7.2f ms\n", "welcome frame, standard size (median of 30)", median_frame_ms(kiosk, 30));
    for (const char* size : {"large", "very large"}) {
        const double first = press(kiosk, "text-size");
        std::printf("first frame at %-33s %7.2f ms\n", size, first);
        std::printf("%-48s %7.2f ms\n", "  the same, once baked (median of 30)", median_frame_ms(kiosk, 30));
    }
    std::printf("%-48s %7.2f ms\n", "back to standard (already baked)", press(kiosk, "text-size"));
    for (const char* language : {"cy", "pl", "ur", "pa", "en"}) {
        const std::string id = std::string("language-") + language;
        std::printf("first frame in %-33s %7.2f ms\n", language, press(kiosk, id));
        std::printf("%-48s %7.2f ms\n", "  the same, later (median of 30)", median_frame_ms(kiosk, 30));
    }
    std::printf("one frame budget at 60 Hz: 16.67 ms\n");
    app.value().reset();
    SDL_DestroyRenderer(renderer);
    SDL_DestroyWindow(window);
    SDL_Quit();
    return 0;
}
