// Sync benchmarks, run on demand (not by ctest): build/tests/bench/sync_bench
//   - 10,000 responses from one kiosk to the real hub over loopback with `streetvoice sync`,
//     against a plain `curl` POST of the very same gzip bodies to a fresh hub;
//   - bytes on the wire (request bodies), gzip against plain JSON;
//   - the hub's ingest rate (HubStore + Ingest in-process, batches of 250) against one bulk
//     insert of the same rows in one transaction; for SQLite and PostgreSQL.
#include <catch2/catch.hpp>
#include <chrono>
#include <cstdio>
#include <cstdlib>

#include "demo_responses.hpp"
#include "gzip_body.hpp"
#include "hub_secrets.hpp"
#include "hub_store.hpp"
#include "ingest.hpp"
#include "open_hub_store.hpp"
#include "running_hub.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"

using sv::test::TempFolder;
using Clock = std::chrono::steady_clock;

namespace {

constexpr int kResponses = 10000;
constexpr std::size_t kBatch = 250;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<sv::ResponseBatch> batches_of(const sv::Store& store) {
    std::vector<sv::ResponseBatch> batches(1);
    const auto stored = store.responses().value();
    for (const auto& r : stored) {
        if (batches.back().responses.size() == kBatch) batches.emplace_back();
        // As the kiosk sends it: with its place in the tablet's chain, which the hub checks.
        batches.back().responses.push_back({r.uuid, r.campaign_id, r.campaign_version, r.activity_id, r.event_id,
                                            r.device_id, r.device_time, r.payload, r.chain});
    }
    return batches;
}

void sync_against_curl(const std::string& kind) {
    TempFolder kiosk;
    auto store = sv::Store::open(sv::answers_file_in(kiosk.path())).value();
    // Enrolled and holding the hub's campaigns first, untimed: what is timed is sending the
    // answers, the very bytes curl sends.
    sv::test::HubOnStore on_store(kind);
    {
        std::string output;
        const std::string code = on_store.hub.enrolment_code();
        REQUIRE(sv::test::run_program({STREETVOICE_CLI_BINARY, "sync", "--data-dir", kiosk.path(), "--hub",
                                       on_store.hub.url(), "--enrol", code},
                                      output) == 0);
    }
    sv::test::fill_kiosk(store, kResponses, 9);
    const auto batches = batches_of(store);

    std::size_t json_bytes = 0, gzip_bytes = 0;
    std::vector<std::string> bodies;
    for (const auto& b : batches) {
        const std::string json = sv::batch_json(b);
        bodies.push_back(sv::gzip_compress(json));
        json_bytes += json.size();
        gzip_bytes += bodies.back().size();
    }

    double ours = 0, plain = 0;
    {
        std::string output;
        const std::vector<std::string> argv{STREETVOICE_CLI_BINARY, "sync",         "--data-dir",
                                            kiosk.path(),           "--batch-size", std::to_string(kBatch)};
        const auto start = Clock::now();
        const int code = sv::test::run_program(argv, output);
        ours = seconds_since(start);
        REQUIRE(code == 0);
    }
    {
        // Enrolled as the same device, so the hub takes its responses.
        sv::test::HubOnStore fresh(kind);
        std::string output;
        auto enrolled = fresh.hub.client().Post(sv::api_path::enrol,
                                                sv::enrol_request_json({fresh.hub.enrolment_code(), store.device_id()}),
                                                "application/json");
        REQUIRE(enrolled);
        const std::string token = sv::parse_enrol_reply(enrolled->body).value().token;
        std::vector<std::string> argv{"/usr/bin/curl", "-s", "-o", "/dev/null"};
        for (std::size_t i = 0; i < bodies.size(); ++i) {
            const std::string file = kiosk.file("body" + std::to_string(i) + ".gz");
            sv::test::write_file(file, bodies[i]);
            if (i > 0) argv.push_back("--next");
            for (const std::string& a :
                 {std::string("-s"), std::string("-o"), std::string("/dev/null"), std::string("-H"),
                  "Authorization: Bearer " + token, std::string("-H"), std::string("Content-Encoding: gzip"),
                  std::string("-H"), std::string("Content-Type: application/json"), std::string("--data-binary"),
                  "@" + file, fresh.hub.url() + sv::api_path::batch})
                argv.push_back(a);
        }
        const auto start = Clock::now();
        REQUIRE(sv::test::run_program(argv, output) == 0);
        plain = seconds_since(start);
        CHECK(fresh.hub.exported_rows("demo-riverside-2026").size() +
                  fresh.hub.exported_rows("demo-riverside-budget-2026").size() ==
              kResponses);
    }
    std::printf(
        "[%s] sync %d responses over loopback: streetvoice sync %.2f s (%.0f/s), plain curl of the same "
        "bytes %.2f s (%.0f/s)\n",
        kind.c_str(), kResponses, ours, kResponses / ours, plain, kResponses / plain);
    std::printf("[%s] request bodies: %zu batches, JSON %.2f MB, gzip %.2f MB (%.1f%%)\n", kind.c_str(), bodies.size(),
                static_cast<double>(json_bytes) / 1e6, static_cast<double>(gzip_bytes) / 1e6,
                100.0 * static_cast<double>(gzip_bytes) / static_cast<double>(json_bytes));
}

void ingest_against_bulk(const std::string& kind) {
    TempFolder kiosk;
    auto store = sv::Store::open(sv::answers_file_in(kiosk.path())).value();
    sv::test::fill_kiosk(store, kResponses, 10);
    const auto batches = batches_of(store);

    std::optional<sv::test::RunningPostgres> postgres;
    TempFolder hub_folder;
    auto database = [&](const char* name) {
        return kind == "postgresql" ? sv::test::hub_database(kind, postgres)
                                    : "sqlite:" + hub_folder.file(std::string(name) + ".sqlite");
    };
    double ingest_seconds = 0, bulk_seconds = 0;
    {
        auto hub = sv::open_hub_store(database("ingest")).value();
        for (const char* file : {STREETVOICE_DEMO_CAMPAIGN, STREETVOICE_DEMO_BUDGET_CAMPAIGN}) {
            auto campaign = sv::load_campaign_file(file).value();
            REQUIRE(hub->publish_campaign({campaign.id, campaign.version, campaign.definition_json, {}, {}, {}}).ok());
        }
        sv::Ingest ingest(*hub);
        const auto start = Clock::now();
        for (const auto& b : batches) REQUIRE(ingest.take({store.device_id(), "", {}, "", "", ""}, b).ok());
        ingest_seconds = seconds_since(start);
        REQUIRE(hub->response_count().value() == kResponses);
    }
    {
        auto hub = sv::open_hub_store(database("bulk")).value();
        // The same rows and their places in the tablet's chain, as the hub keeps both.
        std::vector<sv::HubResponse> rows;
        std::vector<sv::ChainEntry> chain;
        for (const auto& b : batches)
            for (const auto& r : b.responses) {
                rows.push_back({r, sv::response_fingerprint(r), sv::hub_time_now()});
                if (r.chain)
                    chain.push_back({r.device_id, r.uuid, r.chain->before, r.chain->link, r.event_id, r.campaign_id,
                                     false, sv::ChainProblem::none, sv::hub_time_now()});
            }
        const auto start = Clock::now();
        REQUIRE(hub->insert_responses(rows, chain).ok());
        bulk_seconds = seconds_since(start);
    }
    std::printf(
        "[%s] hub ingest (checks + store, batches of %zu): %.2f s, %.0f responses/s; one bulk insert of the "
        "same rows: %.2f s, %.0f rows/s\n",
        kind.c_str(), kBatch, ingest_seconds, kResponses / ingest_seconds, bulk_seconds, kResponses / bulk_seconds);
}

}  // namespace

TEST_CASE("sync bench: SQLite hub") {
    sync_against_curl("sqlite");
    ingest_against_bulk("sqlite");
}

TEST_CASE("sync bench: PostgreSQL hub") {
    sync_against_curl("postgresql");
    ingest_against_bulk("postgresql");
}
