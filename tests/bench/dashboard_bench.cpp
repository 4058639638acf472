// Dashboard benchmark, run on demand (not by ctest): build/tests/bench/dashboard_bench
// A campaign with 50,000 responses (Place Standard ratings, budget ballots and "about you"
// answers from 20 stalls in 4 wards over a month of days) stored on the hub, for SQLite and
// for PostgreSQL; the real hub serves it on 127.0.0.1 and a logged-in organiser asks for the
// campaign's page, and for the CSV, five times each; `streetvoice-hub verify` checks the whole
// campaign (each kiosk's chain of answers included) three times. Prints the times.
#include <algorithm>
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <map>

#include "ballot_chain.hpp"
#include "campaign_tally.hpp"
#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "hub_store.hpp"
#include "open_hub_store.hpp"
#include "running_hub.hpp"
#include "stall_day.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

using sv::test::RunningHub;
using sv::test::TempFolder;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kStalls = 20;
constexpr int kPerStall = 2500;  // 50,000 in all

// Each kiosk's chain of answers, as its tablet made it, carried on from its last stall.
std::map<std::string, std::string> last_link;

// One stall's day: `count` responses on day `s` + 1 of October.
void hold_stall(sv::HubStore& store, const sv::Campaign& campaign, int s, int count) {
    const char* wards[] = {"Riverside", "Northfield", "Old Town", "Station"};
    const std::string event_id = sv::new_uuid(), device_id = "kiosk-" + std::to_string(s % 4);
    char day[32];
    std::snprintf(day, sizeof day, "2026-10-%02dT", 1 + s);
    REQUIRE(store
                .record_events({{event_id, device_id, "Stall " + std::to_string(s + 1), wards[s % 4],
                                 std::string(day) + "09:00:00.000Z"}})
                .ok());
    const sv::test::Stall stall{"", "", count * 6 / 10, count * 3 / 10, count / 10};
    std::vector<sv::HubResponse> rows;
    std::vector<sv::ChainEntry> chain;
    std::string& before = last_link.try_emplace(device_id, sv::kChainStart).first->second;
    int i = 0;
    for (auto& draft : sv::test::drafts_for_stall(campaign, stall, static_cast<std::uint64_t>(s))) {
        char time[40];
        std::snprintf(time, sizeof time, "%s%02d:%02d:00.000Z", day, 9 + (i / 300) % 8, i % 60);
        ++i;
        sv::Response r{draft.uuid, draft.campaign_id, draft.campaign_version, draft.activity_id, event_id, device_id,
                       time,       draft.payload};
        rows.push_back({r, sv::response_fingerprint(r), std::string(day) + "18:00:00Z"});
        if (r.activity_id == sv::kAboutYouActivity) continue;  // kept out of the chain, unlinked
        const std::string link = sv::chain_link(before, r);
        chain.push_back({device_id, r.uuid, before, link, event_id, r.campaign_id, false, sv::ChainProblem::none,
                         std::string(day) + "18:00:00Z"});
        before = link;
    }
    REQUIRE(store.insert_responses(rows, chain).ok());
}

void fill_hub(const std::string& database, const sv::Campaign& campaign) {
    last_link.clear();
    auto store = sv::open_hub_store(database);
    REQUIRE(store.ok());
    REQUIRE(
        store.value()->publish_campaign({campaign.id, campaign.version, campaign.definition_json, {}, {}, {}}).ok());
    for (int s = 0; s < kStalls; ++s) hold_stall(*store.value(), campaign, s, kPerStall);
}

double seconds_to_get(const RunningHub& hub, const std::string& cookie, const std::string& path, std::size_t& bytes) {
    const auto start = Clock::now();
    auto res = hub.client().Get(path.c_str(), httplib::Headers{{"Cookie", cookie}});
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    REQUIRE(res);
    REQUIRE(res->status == 200);
    bytes = res->body.size();
    return seconds;
}

double median_seconds(const RunningHub& hub, const std::string& cookie, const std::string& path, std::size_t& bytes) {
    std::vector<double> times;
    for (int run = 0; run < 5; ++run) times.push_back(seconds_to_get(hub, cookie, path, bytes));
    std::sort(times.begin(), times.end());
    return times[2];
}

}  // namespace

TEST_CASE("bench: the dashboard of a campaign with 50,000 responses") {
    const std::string kind = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    std::optional<sv::test::RunningPostgres> postgres;
    TempFolder folder;
    const std::string database =
        kind == "sqlite" ? "sqlite:" + folder.file("hub.sqlite") : sv::test::hub_database(kind, postgres);
    const std::string campaign_file = sv::test::riverside_with_about_you(folder);
    const auto fill_start = Clock::now();
    const sv::Campaign campaign = sv::load_campaign_file(campaign_file).value();
    fill_hub(database, campaign);
    const double fill_seconds = std::chrono::duration<double>(Clock::now() - fill_start).count();
    {
        // In this process, without HTTP: reading the rows, and working out every table from them.
        auto store = sv::open_hub_store(database);
        REQUIRE(store.ok());
        const auto read_start = Clock::now();
        std::size_t rows = 0;
        auto read_all = store.value()->visit_responses_of_campaign("demo-riverside-budget-2026", 0,
                                                                   [&rows](const sv::HubResponse&) { ++rows; });
        const double read = std::chrono::duration<double>(Clock::now() - read_start).count();
        REQUIRE(read_all.ok());
        const auto results_start = Clock::now();
        auto results = sv::campaign_results(*store.value(), "demo-riverside-budget-2026");
        const double all = std::chrono::duration<double>(Clock::now() - results_start).count();
        REQUIRE(results.ok());
        std::printf("%-10s reading %zu rows %.3f s; reading and working out every table %.3f s\n", kind.c_str(), rows,
                    read, all);
    }
    {
        // `streetvoice-hub verify`: every chain walked, every count and outcome worked out again.
        std::string said;
        std::vector<double> times;
        for (int run = 0; run < 3; ++run) {
            const auto start = Clock::now();
            const int code = sv::test::run_program(
                {STREETVOICE_HUB_BINARY, "--db", database, "verify", "--campaign", "demo-riverside-budget-2026"}, said);
            times.push_back(std::chrono::duration<double>(Clock::now() - start).count());
            INFO(said);
            REQUIRE(code == 0);
        }
        std::sort(times.begin(), times.end());
        std::printf("%-10s verify --campaign (50,000 responses, 4 tablets' chains): median of 3 %.2f s (%.2f-%.2f)\n",
                    kind.c_str(), times[1], times[0], times[2]);
    }
    RunningHub hub(database);
    hub.add_organiser("bench", "a long enough password");
    sv::test::DashboardVisitor organiser(hub);
    REQUIRE(organiser.log_in("bench", "a long enough password")->status == 303);
    const std::string cookie = organiser.cookie_header();
    std::size_t page_bytes = 0, csv_bytes = 0;
    // The first visit since the hub started counts every response; later ones only what is new.
    const double first_page =
        seconds_to_get(hub, cookie, "/dashboard/campaigns/demo-riverside-budget-2026", page_bytes);
    const double page = median_seconds(hub, cookie, "/dashboard/campaigns/demo-riverside-budget-2026", page_bytes);
    {
        // Another stall syncs 1,000 responses; the next visit counts only those.
        auto store = sv::open_hub_store(database);
        REQUIRE(store.ok());
        hold_stall(*store.value(), campaign, kStalls, 1000);
    }
    const double after_more =
        seconds_to_get(hub, cookie, "/dashboard/campaigns/demo-riverside-budget-2026", page_bytes);
    const double csv =
        median_seconds(hub, cookie, "/dashboard/campaigns/demo-riverside-budget-2026/responses.csv", csv_bytes);
    std::size_t tidy_bytes = 0;
    const double tidy =
        median_seconds(hub, cookie, "/dashboard/campaigns/demo-riverside-budget-2026/tidy/place.csv", tidy_bytes);
    std::size_t report_bytes = 0, ward_report_bytes = 0, public_bytes = 0;
    const double report =
        median_seconds(hub, cookie, "/dashboard/campaigns/demo-riverside-budget-2026/report", report_bytes);
    const double ward_report = median_seconds(
        hub, cookie, "/dashboard/campaigns/demo-riverside-budget-2026/report/ward/Riverside", ward_report_bytes);
    std::string output;
    REQUIRE(hub.command("public", {"--campaign", "demo-riverside-budget-2026", "on"}, output) == 0);
    const double public_page = median_seconds(hub, "", "/results/demo-riverside-budget-2026", public_bytes);
    std::printf(
        "%-10s 50,000 responses stored in %.1f s; campaign page: first visit %.3f s, later visits %.3f s (%zu KB), "
        "after "
        "1,000 more arrive %.3f s; CSV %.3f s (%zu KB); the Place Standard's tidy CSV %.3f s (%zu KB); report %.3f s "
        "(%zu KB), a ward's report %.3f s (%zu KB), public page %.3f s (%zu KB); medians of 5\n",
        kind.c_str(), fill_seconds, first_page, page, page_bytes / 1024, after_more, csv, csv_bytes / 1024, tidy,
        tidy_bytes / 1024, report, report_bytes / 1024, ward_report, ward_report_bytes / 1024, public_page,
        public_bytes / 1024);
}
