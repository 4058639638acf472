// Several kiosks sync 10,000 responses through a proxy that resets, fails, cuts, stalls and
// doubles requests: the hub ends with each response exactly once, and every kiosk all synced.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <memory>
#include <set>

#include "child_process.hpp"
#include "demo_responses.hpp"
#include "fault_proxy.hpp"
#include "running_hub.hpp"
#include "running_postgres.hpp"
#include "temp_folder.hpp"

using sv::test::ChildProcess;
using sv::test::Fault;
using sv::test::TempFolder;

namespace {

int responses_in_fault_test() {
    const char* wanted = std::getenv("STREETVOICE_FAULT_RESPONSES");
    return wanted ? std::atoi(wanted) : 10000;
}

void sync_through_faults(const std::string& database) {
    constexpr int kDevices = 4;
    const int per_device = responses_in_fault_test() / kDevices;
    sv::test::RunningHub hub(database);
    sv::test::FaultProxy proxy(hub.port(), sv::test::random_faults(2026, 0.55));

    std::vector<std::unique_ptr<TempFolder>> kiosks;
    std::set<std::string> made;
    for (int d = 0; d < kDevices; ++d) {
        kiosks.push_back(std::make_unique<TempFolder>());
        auto store = sv::Store::open(sv::answers_file_in(kiosks.back()->path()));
        REQUIRE(store.ok());
        for (auto& uuid : sv::test::fill_kiosk(store.value(), per_device, static_cast<std::uint64_t>(100 + d)))
            made.insert(std::move(uuid));
    }

    // Every kiosk at once, each enrolling through the proxy too.
    std::vector<std::unique_ptr<ChildProcess>> syncs;
    for (const auto& kiosk : kiosks) {
        syncs.push_back(std::make_unique<ChildProcess>(
            std::vector<std::string>{STREETVOICE_CLI_BINARY, "sync", "--data-dir", kiosk->path(), "--hub", proxy.url(),
                                     "--enrol", hub.enrolment_code(), "--batch-size", "50", "--timeout", "1",
                                     "--retry-base-ms", "20", "--retry-cap-ms", "400", "--patience", "600"},
            ChildProcess::Stderr::with_stdout));
    }
    for (std::size_t d = 0; d < syncs.size(); ++d) {
        std::vector<std::string> lines;
        while (syncs[d]->read_lines_for(1000, lines)) {
        }
        syncs[d]->read_remaining_lines(lines);
        const int code = syncs[d]->wait();
        std::string tail;
        for (std::size_t i = lines.size() > 8 ? lines.size() - 8 : 0; i < lines.size(); ++i) tail += lines[i] + "\n";
        INFO("kiosk " << d << " printed, at the end:\n" << tail);
        CHECK(code == 0);
        auto store = sv::Store::open(sv::answers_file_in(kiosks[d]->path()));
        REQUIRE(store.ok());
        const auto counts = store.value().outbox_counts().value();
        CHECK(counts.synced == per_device);
        CHECK(counts.pending == 0);
        CHECK(counts.rejected == 0);
    }

    std::multiset<std::string> on_hub;
    for (const char* campaign : {"demo-riverside-2026", "demo-riverside-budget-2026"})
        for (const auto& row : hub.exported_rows(campaign)) on_hub.insert(row.substr(0, row.find(',')));
    CHECK(on_hub.size() == made.size());
    CHECK(std::set<std::string>(on_hub.begin(), on_hub.end()) == made);

    const auto dealt = proxy.faults_dealt();
    std::string tally;
    for (const auto& [fault, count] : dealt)
        tally += std::string(sv::test::fault_name(fault)) + ": " + std::to_string(count) + "\n";
    INFO("faults dealt:\n" << tally);
    for (Fault fault : sv::test::kEveryFault) CHECK(dealt.count(fault) == 1);
    WARN("faults dealt over " << made.size() << " responses:\n" << tally);
}

}  // namespace

TEST_CASE("sync through faults: 10,000 responses from 4 kiosks reach the SQLite hub exactly once") {
    sync_through_faults("");
}

TEST_CASE("sync through faults: 10,000 responses from 4 kiosks reach the PostgreSQL hub exactly once") {
    sv::test::RunningPostgres postgres;
    sync_through_faults(postgres.new_database());
}
