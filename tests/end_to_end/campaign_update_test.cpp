// A campaign update as packaging/README.md describes it, with the real programs: the tablet
// syncs (and so holds the hub's copy of each published version), then IT copies the published
// file onto it and restarts the kiosk; a file changed without a new version gives way to the
// hub's copy.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "child_process.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"

using sv::test::run_program;

TEST_CASE("campaign update: a synced tablet starts on the published file, and on the hub's copy if it changed") {
    sv::test::RunningHub hub;
    sv::test::TempFolder folder;
    const std::string data_dir = folder.file("tablet");
    std::string output;
    REQUIRE(run_program({STREETVOICE_CLI_BINARY, "sync", "--data-dir", data_dir, "--hub", hub.url(), "--enrol",
                         hub.enrolment_code()},
                        output) == 0);
    setenv("SDL_VIDEODRIVER", "dummy", 1);
    // The same version as the hub's copy, spaced and ordered as its author wrote it.
    CHECK(run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", data_dir, "--campaign", STREETVOICE_DEMO_BUDGET_CAMPAIGN,
                       "--exit-after-first-frame"},
                      output) == 0);
    INFO(output);

    // The file edited without a new version number: the hub's copy runs, and the kiosk says what to do.
    std::filesystem::copy(std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/pictures", folder.file("pictures"));
    auto edited = nlohmann::json::parse(sv::test::read_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN));
    edited["activities"][0]["projects"][0]["cost"] = 9000;
    sv::test::write_file(folder.file("edited.json"), edited.dump(2));
    CHECK(run_program({STREETVOICE_KIOSK_BINARY, "--data-dir", data_dir, "--campaign", folder.file("edited.json"),
                       "--screenshots", folder.file("shots"), "--screen", "01-welcome"},
                      output) == 0);
    CHECK_THAT(output, Catch::Contains("so the hub's copy runs"));
    CHECK_THAT(output, Catch::Contains("Give a changed file a new version number and publish it on the hub"));
}
