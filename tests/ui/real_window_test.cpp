// The kiosk as a stall runs it: a real window, --fullscreen, on an X server (Xvfb) of the
// screen's size, with no window manager. What the screen shows is captured and compared with
// the kiosk's own headless render of the same screen at that size: they must match, whatever
// the size and however the screen is turned.
#include <stb_image.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "temp_folder.hpp"

using sv::test::ChildProcess;
using sv::test::run_program;
using sv::test::TempFolder;

namespace {

struct Picture {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
};

Picture read_png(const std::string& path) {
    Picture picture;
    int channels = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(
        stbi_load(path.c_str(), &picture.width, &picture.height, &channels, 3), stbi_image_free);
    if (pixels)
        picture.rgb.assign(pixels.get(), pixels.get() + static_cast<std::size_t>(picture.width) * picture.height * 3);
    return picture;
}

// The mean absolute difference of two pictures of one size, 0 (the same) to 1.
double mean_difference(const Picture& a, const Picture& b) {
    double total = 0;
    for (std::size_t i = 0; i < a.rgb.size(); ++i) total += std::abs(int(a.rgb[i]) - int(b.rgb[i]));
    return total / (255.0 * static_cast<double>(a.rgb.size()));
}

// An X server of the given size, on a display number it picks; ended with the test.
class XServer {
public:
    XServer(int width, int height)
        : process_({"/usr/bin/Xvfb", "-displayfd", "1", "-screen", "0",
                    std::to_string(width) + "x" + std::to_string(height) + "x24", "-nolisten", "tcp"}) {
        std::vector<std::string> lines;
        for (int tries = 0; lines.empty() && tries < 100; ++tries)
            if (!process_.read_lines_for(100, lines)) break;
        REQUIRE_FALSE(lines.empty());
        display_ = ":" + lines[0];
    }
    ~XServer() {
        process_.kill_now();
        process_.wait();
    }
    const std::string& display() const { return display_; }

    // What the screen shows, once two looks in a row agree (the kiosk has settled).
    Picture settled_screen(const std::string& folder) const {
        Picture last;
        for (int look = 0; look < 60; ++look) {
            const std::string file = folder + "/screen-" + std::to_string(look) + ".png";
            std::string output;
            REQUIRE(run_program({"/usr/bin/import", "-display", display_, "-window", "root", file}, output) == 0);
            Picture now = read_png(file);
            const bool drawn = !now.rgb.empty() && now.rgb != std::vector<unsigned char>(now.rgb.size(), 0);
            if (drawn && now.rgb == last.rgb) return now;
            last = std::move(now);
        }
        FAIL("the screen never settled");
        return last;
    }

private:
    ChildProcess process_;
    std::string display_;
};

// The kiosk's own render of its welcome screen at this size.
Picture own_render(const std::string& folder, int width, int height) {
    std::string output;
    REQUIRE(run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder + "/own-data", "--screenshots",
                         folder + "/own", "--size", std::to_string(width) + "x" + std::to_string(height)},
                        output) == 0);
    return read_png(folder + "/own/01-welcome.png");
}

}  // namespace

TEST_CASE("fullscreen, the live window shows what the kiosk renders at the screen's own size") {
    struct Size {
        int width, height;
    };
    const Size sizes[] = {{1280, 800},  {1280, 720}, {1366, 768},  {1920, 1080},
                          {2560, 1600}, {800, 1280}, {1080, 1920}, {1024, 768}};
    for (const auto& size : sizes) {
        DYNAMIC_SECTION(size.width << "x" << size.height) {
            TempFolder folder;
            XServer screen(size.width, size.height);
            setenv("DISPLAY", screen.display().c_str(), 1);
            // The pointer rests at the right edge, halfway down, clear of every button.
            std::string output;
            REQUIRE(run_program({"/usr/bin/xdotool", "mousemove", std::to_string(size.width - 1),
                                 std::to_string(size.height / 2)},
                                output) == 0);
            ChildProcess kiosk({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("data"), "--fullscreen"});
            const Picture live = screen.settled_screen(folder.path());
            kiosk.kill_now();
            kiosk.wait();
            unsetenv("DISPLAY");
            const Picture own = own_render(folder.path(), size.width, size.height);
            REQUIRE(live.width == size.width);
            REQUIRE(live.height == size.height);
            REQUIRE(own.width == size.width);
            REQUIRE(own.height == size.height);
            const double difference = mean_difference(live, own);
            WARN(size.width << "x" << size.height << ": mean difference " << difference);
            CHECK(difference < 0.02);
        }
    }
}
