// Three hubs behind haproxy on one PostgreSQL, as a council that outgrew one hub runs them:
// kiosks sync through the load balancer while an organiser works the dashboard through it,
// requests going to each hub in turn. Nothing is lost, nothing is stored twice, the organiser
// stays logged in, and every hub's dashboard counts the same.
#include <catch2/catch.hpp>

#include <memory>
#include <regex>
#include <set>

#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "demo_responses.hpp"
#include "running_haproxy.hpp"
#include "running_hub.hpp"
#include "running_postgres.hpp"
#include "temp_folder.hpp"

using sv::test::ChildProcess;
using sv::test::RunningHub;
using sv::test::TempFolder;

namespace {

constexpr const char* kPassword = "correct horse battery";

// Requests for `path` in the hub's access log so far.
int requests_for(RunningHub& hub, const std::string& path) {
    int count = 0;
    for (const auto& line : hub.log_lines_until(path, 2000))
        if (line.find(" " + path) != std::string::npos) ++count;
    return count;
}

}  // namespace

TEST_CASE("scale-out: three hubs behind haproxy on one PostgreSQL keep every answer once and every session") {
    constexpr int kHubs = 3, kKiosks = 4, kPerKiosk = 150;
    sv::test::RunningPostgres postgres;
    const std::string database = postgres.new_database();
    std::vector<std::unique_ptr<RunningHub>> hubs;
    std::vector<int> ports;
    for (int i = 0; i < kHubs; ++i) {
        hubs.push_back(std::make_unique<RunningHub>(database, std::vector<std::string>{}, true));
        ports.push_back(hubs.back()->port());
    }
    sv::test::RunningHaproxy balancer(ports);
    hubs[0]->add_organiser("sam", kPassword);

    std::vector<std::unique_ptr<TempFolder>> kiosks;
    std::set<std::string> made;
    for (int k = 0; k < kKiosks; ++k) {
        kiosks.push_back(std::make_unique<TempFolder>());
        auto store = sv::Store::open(sv::answers_file_in(kiosks.back()->path()));
        REQUIRE(store.ok());
        for (auto& uuid : sv::test::fill_kiosk(store.value(), kPerKiosk, static_cast<std::uint64_t>(700 + k)))
            made.insert(std::move(uuid));
    }
    std::vector<std::unique_ptr<ChildProcess>> syncs;
    for (const auto& kiosk : kiosks)
        syncs.push_back(std::make_unique<ChildProcess>(
            std::vector<std::string>{STREETVOICE_CLI_BINARY, "sync", "--data-dir", kiosk->path(), "--hub",
                                     balancer.url(), "--enrol", hubs[0]->enrolment_code(), "--batch-size", "10"},
            ChildProcess::Stderr::with_stdout));

    // Meanwhile the organiser logs in through the balancer and keeps reading.
    sv::test::DashboardVisitor sam(balancer.port());
    REQUIRE(sam.log_in("sam", kPassword));
    int pages = 0, pages_shown = 0;
    for (bool syncing = true; syncing || pages < 12;) {
        for (const char* path : {"/dashboard", "/dashboard/campaigns/demo-riverside-budget-2026"}) {
            auto page = sam.get(path);
            ++pages;
            pages_shown += page && page->status == 200;
        }
        for (auto& hub : hubs) hub->log_lines_until("\n", 1);  // read as it comes: a full pipe would stall a hub
        syncing = false;
        for (auto& sync : syncs) {
            std::vector<std::string> lines;
            syncing = sync->read_lines_for(10, lines) || syncing;
        }
    }
    CHECK(pages_shown == pages);  // never sent back to the login page, whichever hub answered
    for (std::size_t k = 0; k < syncs.size(); ++k) {
        INFO("kiosk " << k);
        CHECK(syncs[k]->wait() == 0);
        auto store = sv::Store::open(sv::answers_file_in(kiosks[k]->path()));
        REQUIRE(store.ok());
        CHECK(store.value().outbox_counts().value().synced == kPerKiosk);
    }

    // Each answer once in the database.
    std::multiset<std::string> on_hub;
    for (const char* campaign : {"demo-riverside-2026", "demo-riverside-budget-2026"})
        for (const auto& row : hubs[0]->exported_rows(campaign)) on_hub.insert(row.substr(0, row.find(',')));
    CHECK(on_hub.size() == made.size());
    CHECK(std::set<std::string>(on_hub.begin(), on_hub.end()) == made);

    // Each hub took its turn with uploads and pages, and each counts every answer.
    std::string counted;
    for (auto& hub : hubs) {
        INFO("hub on port " << hub->port());
        CHECK(requests_for(*hub, "/api/v1/responses:batch") > 0);
        CHECK(requests_for(*hub, "/dashboard/campaigns/demo-riverside-budget-2026") > 0);
        auto page =
            hub->client().Get("/dashboard/campaigns/demo-riverside-budget-2026", {{"Cookie", sam.cookie_header()}});
        REQUIRE(page);
        REQUIRE(page->status == 200);
        // Every count the page gives of responses and ballots, in order.
        std::string counts;
        const std::regex count(R"(([0-9][0-9,]*) (responses?|ballots?))");
        for (auto m = std::sregex_iterator(page->body.begin(), page->body.end(), count); m != std::sregex_iterator();
             ++m)
            counts += m->str() + "; ";
        REQUIRE_FALSE(counts.empty());
        if (counted.empty()) counted = counts;
        CHECK(counts == counted);
    }
}
