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

    // What the screen (or one window) shows, once two looks in a row agree (the kiosk has settled).
    Picture settled_screen(const std::string& folder, const std::string& window = "root") const {
        Picture last;
        for (int look = 0; look < 60; ++look) {
            const std::string file = folder + "/screen-" + std::to_string(look) + ".png";
            std::string output;
            REQUIRE(run_program({"/usr/bin/import", "-display", display_, "-window", window, file}, output) == 0);
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

std::string size_text(int width, int height) {
    return std::to_string(width) + "x" + std::to_string(height);
}

// The kiosk's own render of its welcome screen at this size (and density, if known).
Picture own_render(const std::string& folder, int width, int height, int pixels_per_inch = 0) {
    std::vector<std::string> command{STREETVOICE_KIOSK_BINARY, "--data-dir",    folder + "/own-data",
                                     "--screenshots",          folder + "/own", "--size",
                                     size_text(width, height), "--screen",      "01-welcome"};
    if (pixels_per_inch > 0) command.insert(command.end(), {"--pixels-per-inch", std::to_string(pixels_per_inch)});
    std::string output;
    REQUIRE(run_program(command, output) == 0);
    return read_png(folder + "/own/01-welcome.png");
}

// Runs xdotool on `display`: its exit code, and its output's first line in `first_line`.
int try_xdotool(const std::string& display, std::vector<std::string> arguments, std::string& first_line) {
    arguments.insert(arguments.begin(), {"/usr/bin/env", "DISPLAY=" + display, "/usr/bin/xdotool"});
    std::string output;
    const int code = run_program(arguments, output);
    first_line = output.substr(0, output.find('\n'));
    return code;
}

std::string xdotool(const std::string& display, std::vector<std::string> arguments) {
    std::string first_line;
    REQUIRE(try_xdotool(display, std::move(arguments), first_line) == 0);
    return first_line;
}

// The kiosk's window, moved to the top left. SDL may make the window again while it starts
// (a renderer that needs another kind of window), so a window found may be gone when moved:
// then it is looked for again.
std::string kiosk_window_at_top_left(const std::string& display) {
    for (int tries = 0; tries < 50; ++tries) {
        const std::string window = xdotool(display, {"search", "--sync", "--name", "^Streetvoice$"});
        std::string ignored;
        if (!window.empty() && try_xdotool(display, {"windowmove", "--sync", window, "0", "0"}, ignored) == 0)
            return window;
    }
    FAIL("the kiosk's window could not be moved");
    return "";
}

}  // namespace

TEST_CASE("fullscreen, the live window shows what the kiosk renders at the screen's own size") {
    struct Size {
        int width, height;
        int pixels_per_inch = 0;  // as staff would set it; Xvfb reports no physical size
    };
    const Size sizes[] = {{1280, 800},  {1280, 720}, {1366, 768}, {1920, 1080},      {2560, 1600},     {800, 1280},
                          {1080, 1920}, {1024, 768}, {1024, 600}, {2560, 1600, 300}, {1920, 1200, 224}};
    for (const auto& size : sizes) {
        DYNAMIC_SECTION(size.width << "x" << size.height << " at " << size.pixels_per_inch << " ppi") {
            TempFolder folder;
            XServer screen(size.width, size.height);
            setenv("DISPLAY", screen.display().c_str(), 1);
            // The pointer rests at the right edge, halfway down, clear of every button.
            std::string output;
            REQUIRE(run_program({"/usr/bin/xdotool", "mousemove", std::to_string(size.width - 1),
                                 std::to_string(size.height / 2)},
                                output) == 0);
            std::vector<std::string> command{STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("data"),
                                             "--fullscreen"};
            if (size.pixels_per_inch > 0)
                command.insert(command.end(), {"--pixels-per-inch", std::to_string(size.pixels_per_inch)});
            ChildProcess kiosk(command);
            const Picture live = screen.settled_screen(folder.path());
            kiosk.kill_now();
            kiosk.wait();
            unsetenv("DISPLAY");
            const Picture own = own_render(folder.path(), size.width, size.height, size.pixels_per_inch);
            REQUIRE(live.width == size.width);
            REQUIRE(live.height == size.height);
            REQUIRE(own.width == size.width);
            REQUIRE(own.height == size.height);
            const double difference = mean_difference(live, own);
            WARN(size.width << "x" << size.height << " at " << size.pixels_per_inch << " ppi: mean difference "
                            << difference);
            CHECK(difference < 0.02);
        }
    }
}

TEST_CASE("a window turned from landscape to upright is laid out again for its new shape") {
    TempFolder folder;
    XServer screen(1280, 1280);
    std::string output;
    REQUIRE(
        run_program({"/usr/bin/env", "DISPLAY=" + screen.display(), "/usr/bin/xdotool", "mousemove", "1279", "1279"},
                    output) == 0);
    setenv("DISPLAY", screen.display().c_str(), 1);
    ChildProcess kiosk({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("data"), "--size", "1280x800"});
    unsetenv("DISPLAY");
    const std::string window = kiosk_window_at_top_left(screen.display());
    const Picture landscape = screen.settled_screen(folder.path(), window);
    // As a compositor does when the tablet is turned: the window gets the upright shape.
    xdotool(screen.display(), {"windowsize", "--sync", window, "800", "1280"});
    Picture upright = screen.settled_screen(folder.path(), window);
    for (int look = 0; look < 20 && upright.width != 800; ++look)
        upright = screen.settled_screen(folder.path(), window);
    kiosk.kill_now();
    kiosk.wait();
    REQUIRE(landscape.width == 1280);
    REQUIRE(landscape.height == 800);
    REQUIRE(upright.width == 800);
    REQUIRE(upright.height == 1280);
    const double before = mean_difference(landscape, own_render(folder.path() + "/landscape", 1280, 800));
    const double after = mean_difference(upright, own_render(folder.path() + "/upright", 800, 1280));
    WARN("landscape: mean difference " << before << "; upright: " << after);
    CHECK(before < 0.02);
    CHECK(after < 0.02);
}
