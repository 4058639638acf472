// Kills the real kiosk with SIGKILL at random moments while simulated citizens use it,
// then checks that the answers file is sound and holds every response that was thanked.
#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <set>

#include "child_process.hpp"
#include "place_standard.hpp"
#include "running_hub.hpp"
#include "store.hpp"
#include "temp_folder.hpp"

using sv::test::ChildProcess;
using sv::test::run_program;

namespace {

int kills_to_make() {
    // 20 in the normal suite; STREETVOICE_CRASH_KILLS=500 for the long run. A kill keeps the
    // page cache, so what power loss does to a commit is commit_fault_tests' work, at every
    // write and sync; these kills are for the process: start-up, mid-answer, the lock files.
    const char* setting = std::getenv("STREETVOICE_CRASH_KILLS");
    const int kills = setting ? std::atoi(setting) : 20;
    return kills > 0 ? kills : 20;
}

bool thanked_in(const std::vector<std::string>& lines) {
    for (const auto& line : lines)
        if (line.rfind("thanked ", 0) == 0) return true;
    return false;
}

}  // namespace

TEST_CASE("killing the kiosk at any instant loses no thanked response and never damages the file") {
    sv::test::TempFolder folder;
    const int kills = kills_to_make();
    std::mt19937 random(20261122);
    // The kill lands anywhere in a run: during start-up, mid-answer, mid-commit.
    std::uniform_int_distribution<int> moment_ms(0, 4000);
    std::set<std::string> thanked;
    int runs_that_thanked = 0;

    for (int k = 0; k < kills; ++k) {
        ChildProcess kiosk({STREETVOICE_KIOSK_BINARY, "--data-dir", folder.path(), "--campaign",
                            STREETVOICE_DEMO_CAMPAIGN, "--autopilot", "1000", "--seed", std::to_string(k + 1)});
        std::vector<std::string> lines;
        if (k % 2 == 1) {
            // Every other run is killed only after someone was thanked, however slow the machine,
            // so kills land on a store with responses in it, mid-answer and mid-commit.
            for (int waited = 0; !thanked_in(lines) && waited < 120; ++waited)
                if (!kiosk.read_lines_for(1000, lines)) break;
            INFO("run " << k);
            REQUIRE(thanked_in(lines));
        }
        const bool still_running = kiosk.read_lines_for(moment_ms(random), lines);
        kiosk.kill_now();
        const int status = kiosk.wait();
        kiosk.read_remaining_lines(lines);
        INFO("run " << k << " exited with " << status);
        REQUIRE(still_running);
        REQUIRE(status == 128 + 9);

        int thanked_this_run = 0;
        for (const auto& line : lines) {
            if (line.rfind("thanked ", 0) != 0) continue;
            thanked.insert(line.substr(8));
            ++thanked_this_run;
        }
        runs_that_thanked += thanked_this_run > 0 ? 1 : 0;

        // What the next start of the kiosk sees.
        auto store = sv::Store::open(folder.file("answers.sqlite"));
        if (!store) FAIL(store.error().message);
        REQUIRE(store.value().check_integrity().ok());
        for (const auto& uuid : thanked) {
            auto found = store.value().find_response(uuid);
            REQUIRE(found.ok());
            INFO("thanked response " << uuid);
            REQUIRE(found.value().has_value());
            auto answers = sv::parse_place_standard_payload(found.value()->payload);
            if (!answers) FAIL(answers.error().message);
        }
        // Every stored response is whole: none half-written, none without its outbox row.
        auto all = store.value().responses();
        REQUIRE(all.ok());
        for (const auto& r : all.value()) REQUIRE(sv::parse_place_standard_payload(r.payload).ok());
        REQUIRE(all.value().size() >= thanked.size());
        // And each is linked to the one before it, whenever the kill came.
        auto breaks = store.value().check_chain();
        REQUIRE(breaks.ok());
        REQUIRE(breaks.value().empty());
        REQUIRE(store.value().chain_head().value().answers == static_cast<std::int64_t>(all.value().size()));
    }
    std::printf(
        "crash test: %d kills, %zu thanked responses all found whole, %d runs thanked someone before the kill\n", kills,
        thanked.size(), runs_that_thanked);

    // The file the kills left syncs whole: the hub finds every answer's chain unbroken, and the
    // campaign verifies.
    sv::test::RunningHub hub;
    std::string output;
    const int synced = run_program({STREETVOICE_CLI_BINARY, "sync", "--data-dir", folder.path(), "--hub", hub.url(),
                                    "--enrol", hub.enrolment_code()},
                                   output);
    INFO(output);
    REQUIRE(synced == 0);
    CHECK_THAT(output, Catch::Contains("duplicate 0, rejected 0, left 0"));
    CHECK(hub.command("verify", {"--campaign", "demo-riverside-2026"}, output) == 0);
    CHECK_THAT(output, Catch::Contains("verifies: everything agrees"));
}
