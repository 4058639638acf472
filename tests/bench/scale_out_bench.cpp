// Scale-out benchmark, run on demand (not by ctest): build/tests/bench/scale_out_bench
// One, two and three hubs behind haproxy on one PostgreSQL; six kiosks sync 2,000 responses
// each at once through the balancer with `streetvoice sync`. Prints the ingest rate for each.
// Every process (PostgreSQL, the hubs, haproxy and the six syncs) shares this machine's cores,
// so on a small machine the figures are a lower bound of what separate machines would do.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <memory>
#include <thread>

#include "child_process.hpp"
#include "demo_responses.hpp"
#include "running_haproxy.hpp"
#include "running_hub.hpp"
#include "running_postgres.hpp"
#include "temp_folder.hpp"

using sv::test::ChildProcess;
using sv::test::TempFolder;
using Clock = std::chrono::steady_clock;

TEST_CASE("scale-out bench: ingest through haproxy with one, two and three hubs") {
    constexpr int kKiosks = 6, kPerKiosk = 2000;
    sv::test::RunningPostgres postgres;
    std::printf("%d kiosks x %d responses, batches of 250, through haproxy; %u cores here\n", kKiosks, kPerKiosk,
                std::thread::hardware_concurrency());
    for (int hub_count = 1; hub_count <= 3; ++hub_count) {
        const std::string database = postgres.new_database();
        std::vector<std::unique_ptr<sv::test::RunningHub>> hubs;
        std::vector<int> ports;
        for (int i = 0; i < hub_count; ++i) {
            hubs.push_back(std::make_unique<sv::test::RunningHub>(database));
            ports.push_back(hubs.back()->port());
        }
        sv::test::RunningHaproxy balancer(ports);
        std::vector<std::unique_ptr<TempFolder>> kiosks;
        std::vector<std::string> codes;
        for (int k = 0; k < kKiosks; ++k) {
            kiosks.push_back(std::make_unique<TempFolder>());
            auto store = sv::Store::open(sv::answers_file_in(kiosks.back()->path()));
            REQUIRE(store.ok());
            sv::test::fill_kiosk(store.value(), kPerKiosk, static_cast<std::uint64_t>(900 + k));
            codes.push_back(hubs[0]->enrolment_code());
        }
        const auto start = Clock::now();
        std::vector<std::unique_ptr<ChildProcess>> syncs;
        for (int k = 0; k < kKiosks; ++k)
            syncs.push_back(std::make_unique<ChildProcess>(std::vector<std::string>{
                STREETVOICE_CLI_BINARY, "sync", "--data-dir", kiosks[static_cast<std::size_t>(k)]->path(), "--hub",
                balancer.url(), "--enrol", codes[static_cast<std::size_t>(k)]}));
        for (auto& sync : syncs) REQUIRE(sync->wait() == 0);
        const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
        std::printf("%d hub%s: %d responses in %.2f s = %.0f responses/s\n", hub_count, hub_count == 1 ? " " : "s",
                    kKiosks * kPerKiosk, seconds, kKiosks * kPerKiosk / seconds);
    }
}
