// The kiosk's command line is a public interface: later checks use these flags.
#include <catch2/catch.hpp>
#include <filesystem>

#include "child_process.hpp"
#include "store.hpp"
#include "temp_folder.hpp"

using sv::test::run_program;
using sv::test::TempFolder;

namespace {

// Width and height from a PNG file's IHDR chunk.
std::pair<int, int> png_size(const std::string& path) {
    const std::string bytes = sv::test::read_file(path);
    REQUIRE(bytes.size() > 24);
    REQUIRE(bytes.compare(1, 3, "PNG") == 0);
    auto be32 = [&](std::size_t at) {
        return (static_cast<unsigned char>(bytes[at]) << 24) | (static_cast<unsigned char>(bytes[at + 1]) << 16) |
               (static_cast<unsigned char>(bytes[at + 2]) << 8) | static_cast<unsigned char>(bytes[at + 3]);
    };
    return {be32(16), be32(20)};
}

}  // namespace

TEST_CASE("the screenshots flag renders every screen headless, in landscape and portrait") {
    for (const auto& [size, width, height] : {std::tuple{"1280x800", 1280, 800}, std::tuple{"800x1280", 800, 1280}}) {
        TempFolder folder;
        std::string output;
        const int code = run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("data"), "--campaign",
                                      STREETVOICE_DEMO_CAMPAIGN, "--screenshots", folder.file("shots"), "--size", size},
                                     output);
        INFO(output);
        REQUIRE(code == 0);
        int pngs = 0;
        for (const auto& entry : std::filesystem::directory_iterator(folder.file("shots"))) {
            ++pngs;
            CHECK(png_size(entry.path().string()) == std::pair{width, height});
        }
        // welcome, its list of languages, 14 questions, still there?, 3 comment (letters, the digits
        // page, empty), thanks, save failed,
        // cannot start, 9 staff (PIN, wrong PIN, choose PIN, panel, panel before the hub was reached, event
        // form, results, too few for results, choice of campaign)
        CHECK(pngs == 32);
        // Screenshots show screens; they never store a response.
        auto store = sv::Store::open(folder.file("data/answers.sqlite"));
        REQUIRE(store.ok());
        CHECK(store.value().responses().value().empty());
    }
}

TEST_CASE("the screen flag renders only the screen named, and a name no screen has is refused") {
    TempFolder folder;
    std::string output;
    REQUIRE(run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("data"), "--campaign",
                         STREETVOICE_DEMO_CAMPAIGN, "--screenshots", folder.file("shots"), "--screen", "18-thanks"},
                        output) == 0);
    std::vector<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(folder.file("shots")))
        files.push_back(entry.path().filename().string());
    CHECK(files == std::vector<std::string>{"18-thanks.png"});
    CHECK(png_size(folder.file("shots/18-thanks.png")) == std::pair{1280, 800});

    const int code =
        run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("data"), "--campaign",
                     STREETVOICE_DEMO_CAMPAIGN, "--screenshots", folder.file("other"), "--screen", "99-nowhere"},
                    output);
    CHECK(code == 2);
    CHECK_THAT(output, Catch::Contains("This campaign has no screen called \"99-nowhere\"."));
}

TEST_CASE("the autopilot flag prints one thanked line per stored response") {
    TempFolder folder;
    std::string output;
    const int code = run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.path(), "--campaign",
                                  STREETVOICE_DEMO_CAMPAIGN, "--autopilot", "3", "--seed", "42"},
                                 output);
    INFO(output);
    REQUIRE(code == 0);
    auto store = sv::Store::open(folder.file("answers.sqlite"));
    REQUIRE(store.ok());
    const auto responses = store.value().responses().value();
    REQUIRE(responses.size() == 3);
    for (const auto& r : responses) CHECK_THAT(output, Catch::Contains("thanked " + r.uuid + "\n"));
}

TEST_CASE("a broken campaign file stops the kiosk with the field named") {
    TempFolder folder;
    sv::test::write_file(folder.file("broken.json"),
                         R"({"format":1,"id":"x","version":0,"languages":["en"],"title":"t","activities":[]})");
    std::string output;
    const int code = run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.path(), "--campaign",
                                  folder.file("broken.json"), "--screenshots", folder.file("shots")},
                                 output);
    CHECK(code == 2);
    CHECK_THAT(output, Catch::Contains("broken.json: field \"version\""));
}

TEST_CASE("a bad size is refused") {
    TempFolder folder;
    std::string output;
    CHECK(run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.path(), "--size", "big"}, output) == 2);
    CHECK_THAT(output, Catch::Contains("--size must look like 1280x800"));
}

TEST_CASE("a damaged answers file is shown to staff on the kiosk's screen and left untouched") {
    TempFolder folder;
    std::string garbage(4096 * 3, 'x');
    sv::test::write_file(folder.file("answers.sqlite"), garbage);
    setenv("SDL_VIDEODRIVER", "dummy", 1);  // a real window start, on SDL's dummy display
    std::string output;
    const int code = run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.path(), "--campaign",
                                  STREETVOICE_DEMO_CAMPAIGN, "--exit-after-first-frame"},
                                 output);
    CHECK(code == 3);
    CHECK_THAT(output, Catch::Contains("damaged") && Catch::Contains("do not delete it"));
    CHECK(sv::test::read_file(folder.file("answers.sqlite")) == garbage);
}

TEST_CASE("a project picture that is not a picture stops the kiosk, naming the file") {
    TempFolder folder;
    std::filesystem::copy_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN, folder.file("campaign.json"));
    std::filesystem::create_directory(folder.file("pictures"));
    for (const auto& entry : std::filesystem::directory_iterator(
             std::filesystem::path(STREETVOICE_DEMO_BUDGET_CAMPAIGN).parent_path() / "pictures"))
        std::filesystem::copy_file(entry.path(), folder.file("pictures/" + entry.path().filename().string()));
    std::string output;
    REQUIRE(run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("data"), "--campaign",
                         folder.file("campaign.json"), "--screenshots", folder.file("shots")},
                        output) == 0);

    sv::test::write_file(folder.file("pictures/river-benches.png"), "<html>a web page saved by mistake</html>");
    const int code = run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.file("data"), "--campaign",
                                  folder.file("campaign.json"), "--screenshots", folder.file("shots2")},
                                 output);
    CHECK(code != 0);
    CHECK_THAT(output, Catch::Contains("The picture " + folder.file("pictures/river-benches.png") +
                                       " for the project \"river-benches\" is not a picture the kiosk can show"));
}

TEST_CASE("a kiosk that cannot start shows why, then ends by itself with a failure, so its service tries again") {
    TempFolder folder;
    std::string garbage(4096 * 3, 'x');
    sv::test::write_file(folder.file("answers.sqlite"), garbage);
    setenv("SDL_VIDEODRIVER", "dummy", 1);  // the real interactive loop, on SDL's dummy display
    std::string output;
    const int code = run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.path(), "--campaign",
                                  STREETVOICE_DEMO_CAMPAIGN, "--problem-retry-after", "1"},
                                 output);
    CHECK(code == 3);  // not 0: systemd's Restart=on-failure starts it again
    CHECK_THAT(output, Catch::Contains("damaged"));
    CHECK(sv::test::read_file(folder.file("answers.sqlite")) == garbage);
}
