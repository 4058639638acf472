// The kiosk's side of sync: `streetvoice sync` and HubSync against the real hub on
// 127.0.0.1, and against servers that lie (a Wi-Fi login page, garbage, a flood).
#include <httplib.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <random>
#include <set>
#include <thread>

#include "budget_ballot.hpp"
#include "campaign.hpp"
#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "demo_responses.hpp"
#include "hub_campaign.hpp"
#include "hub_store.hpp"
#include "hub_sync.hpp"
#include "open_hub_store.hpp"
#include "running_hub.hpp"
#include "sha256.hpp"
#include "temp_folder.hpp"
#include "wire_format.hpp"

using sv::test::ChildProcess;
using sv::test::run_program;
using sv::test::RunningHub;
using sv::test::TempFolder;

namespace {

sv::Store open_kiosk(const TempFolder& folder) {
    auto store = sv::Store::open(sv::answers_file_in(folder.path()));
    REQUIRE(store.ok());
    return std::move(store).value();
}

std::vector<std::string> sync_command(const TempFolder& kiosk, std::vector<std::string> extra = {}) {
    std::vector<std::string> argv{STREETVOICE_CLI_BINARY, "sync", "--data-dir",     kiosk.path(),
                                  "--retry-base-ms",      "20",   "--retry-cap-ms", "200"};
    argv.insert(argv.end(), extra.begin(), extra.end());
    return argv;
}

std::set<std::string> uuids_on_hub(const RunningHub& hub) {
    std::set<std::string> uuids;
    std::size_t rows = 0;
    for (const char* campaign : {"demo-riverside-2026", "demo-riverside-budget-2026"}) {
        for (const auto& row : hub.exported_rows(campaign)) {
            uuids.insert(row.substr(0, row.find(',')));
            ++rows;
        }
    }
    CHECK(rows == uuids.size());  // no UUID twice
    return uuids;
}

// A hub-shaped server for HubSync to talk to, answering every batch with `answer`.
class FakeHub {
public:
    explicit FakeHub(std::function<void(const sv::ResponseBatch&, httplib::Response&)> answer) {
        server_.Post(sv::api_path::batch, [answer](const httplib::Request& req, httplib::Response& res) {
            auto batch = sv::parse_batch(req.body);
            if (!batch) {
                res.status = 400;
                return;
            }
            answer(batch.value(), res);
        });
        server_.Get(sv::api_path::campaigns, [this](const httplib::Request&, httplib::Response& res) {
            std::lock_guard lock(mutex_);
            res.set_content(campaigns_body_, "application/json");
        });
        server_.Get(std::string(sv::api_path::pictures) + "([0-9a-f]{64})",
                    [this](const httplib::Request& req, httplib::Response& res) {
                        std::lock_guard lock(mutex_);
                        const auto picture = pictures_.find(req.matches[1]);
                        if (picture == pictures_.end()) {
                            res.status = 404;
                            return;
                        }
                        const std::string bytes = picture->second.bytes;
                        if (!picture->second.cut_off) return res.set_content(bytes, "application/octet-stream");
                        // Half the picture, then the connection goes.
                        res.set_content_provider(bytes.size(), "application/octet-stream",
                                                 [bytes](std::size_t offset, std::size_t, httplib::DataSink& sink) {
                                                     if (offset > 0) return false;
                                                     sink.write(bytes.data(), bytes.size() / 2);
                                                     return true;
                                                 });
                    });
        port_ = server_.bind_to_any_port("127.0.0.1");
        thread_ = std::thread([this] { server_.listen_after_bind(); });
    }
    ~FakeHub() {
        server_.stop();
        thread_.join();
    }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    // What GET /campaigns answers from now on.
    void serve_campaigns(std::string body) {
        std::lock_guard lock(mutex_);
        campaigns_body_ = std::move(body);
    }

    // What GET /pictures/SHA256 answers from now on: `bytes`, whole or cut off half way.
    void serve_picture(const std::string& sha256, std::string bytes, bool cut_off = false) {
        std::lock_guard lock(mutex_);
        pictures_[sha256] = {std::move(bytes), cut_off};
    }

private:
    struct ServedPicture {
        std::string bytes;
        bool cut_off = false;
    };
    std::mutex mutex_;
    std::map<std::string, ServedPicture> pictures_;
    std::string campaigns_body_ = sv::campaigns_json({});
    httplib::Server server_;
    int port_ = 0;
    std::thread thread_;
};

// HubSync in-process on a kiosk that believes it is enrolled with `url`.
struct KioskSyncingTo {
    KioskSyncingTo(const TempFolder& folder, const std::string& url, int responses)
        : store(open_kiosk(folder)), uuids(sv::test::fill_kiosk(store, responses, 7)) {
        REQUIRE(store.save_setting(sv::hub_setting::enrolment, nlohmann::json{{"url", url}, {"token", "t0ken"}}.dump())
                    .ok());
        sv::HubConnectionOptions options;
        options.stall_timeout = std::chrono::seconds(2);
        hub = std::make_unique<sv::HubConnection>(sv::HubConnection::open(url, options).value());
    }
    sv::HubSync syncing(std::size_t batch_size = 50) {
        sv::SyncSettings settings;
        settings.batch_size = batch_size;
        settings.backoff = {std::chrono::milliseconds(5), std::chrono::milliseconds(20)};
        settings.patience = std::chrono::milliseconds(300);
        return sv::HubSync(store, *hub, settings, signal);
    }
    sv::Status send(std::size_t batch_size = 50) { return syncing(batch_size).send_outbox(); }

    sv::Store store;
    std::vector<std::string> uuids;
    std::unique_ptr<sv::HubConnection> hub;
    sv::WakeSignal signal;
};

}  // namespace

TEST_CASE("sync: backoff waits a random time up to a ceiling that doubles to its cap") {
    const sv::RetryBackoff backoff{std::chrono::milliseconds(1000), std::chrono::minutes(5)};
    CHECK(backoff.ceiling(1).count() == 1000);
    CHECK(backoff.ceiling(2).count() == 2000);
    CHECK(backoff.ceiling(5).count() == 16000);
    CHECK(backoff.ceiling(9).count() == 256000);
    CHECK(backoff.ceiling(10).count() == 300000);
    CHECK(backoff.ceiling(1000).count() == 300000);
    std::mt19937_64 random(42);
    for (int failures : {1, 4, 12}) {
        long long lowest = backoff.ceiling(failures).count(), highest = 0;
        for (int i = 0; i < 2000; ++i) {
            const long long wait = backoff.delay(failures, random).count();
            REQUIRE(wait >= 0);
            REQUIRE(wait <= backoff.ceiling(failures).count());
            lowest = std::min(lowest, wait);
            highest = std::max(highest, wait);
        }
        // Full jitter: the whole range is used, not just near the ceiling.
        CHECK(lowest < backoff.ceiling(failures).count() / 20);
        CHECK(highest > backoff.ceiling(failures).count() * 19 / 20);
    }
    CHECK(sv::worth_retrying(503));
    CHECK(sv::worth_retrying(500));
    CHECK(sv::worth_retrying(429));
    CHECK(sv::worth_retrying(408));
    CHECK_FALSE(sv::worth_retrying(400));
    CHECK_FALSE(sv::worth_retrying(401));
    CHECK_FALSE(sv::worth_retrying(413));
    CHECK_FALSE(sv::worth_retrying(200));
}

TEST_CASE("sync: a kiosk enrols once, sends its outbox, and the hub holds each response once") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    TempFolder kiosk;
    std::vector<std::string> uuids;
    {
        sv::Store store = open_kiosk(kiosk);
        uuids = sv::test::fill_kiosk(store, 120, 1);
    }
    std::string output;
    int code = run_program(
        sync_command(kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code(), "--batch-size", "50"}), output);
    INFO(output);
    CHECK(code == 0);
    CHECK_THAT(output, Catch::Contains("enrolled with " + hub.url()));
    CHECK_THAT(output, Catch::Contains("sent 120, accepted 120, duplicate 0, rejected 0, left 0"));
    CHECK_THAT(output, Catch::Contains("50 sent, 70 to go"));
    CHECK(uuids_on_hub(hub) == std::set<std::string>(uuids.begin(), uuids.end()));
    {
        sv::Store store = open_kiosk(kiosk);
        const auto counts = store.outbox_counts().value();
        CHECK(counts.synced == 120);
        CHECK(counts.pending == 0);
        // Both published campaigns are now on the kiosk, as the hub has them.
        CHECK(store.campaign_definition("demo-riverside-budget-2026", 3).value().has_value());
        // The published file itself, copied onto the tablet, is the same campaign as the hub's copy.
        const auto file = sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
        CHECK(store.remember_campaign(file.id, file.version, file.definition_json).ok());
        sv::test::fill_kiosk(store, 5, 2);
    }
    // No --hub, no code: the kiosk remembers both.
    code = run_program(sync_command(kiosk), output);
    CHECK(code == 0);
    CHECK_THAT(output, Catch::Contains("sent 5, accepted 5, duplicate 0, rejected 0, left 0"));
    CHECK(uuids_on_hub(hub).size() == 125);
}

TEST_CASE("sync: a new tablet's first sync makes its answers file and fetches the published campaigns") {
    RunningHub hub;
    TempFolder folder;
    const std::string data_dir = folder.file("new-tablet/data");
    std::string output;
    // Without an enrolment code a missing folder is a mistake, and nothing is made.
    CHECK(run_program({STREETVOICE_CLI_BINARY, "sync", "--data-dir", data_dir, "--hub", hub.url()}, output) == 2);
    CHECK_THAT(output, Catch::Contains("there is no answers file in " + data_dir));
    CHECK_FALSE(std::filesystem::exists(data_dir));

    const int code = run_program(
        {STREETVOICE_CLI_BINARY, "sync", "--data-dir", data_dir, "--hub", hub.url(), "--enrol", hub.enrolment_code()},
        output);
    INFO(output);
    REQUIRE(code == 0);
    CHECK_THAT(output, Catch::Contains("enrolled with " + hub.url()));
    CHECK_THAT(output, Catch::Contains("2 new campaign versions from the hub"));
    CHECK_THAT(output, Catch::Contains("sent 0, accepted 0, duplicate 0, rejected 0, left 0"));
    auto store = sv::Store::open(sv::answers_file_in(data_dir));
    REQUIRE(store.ok());
    CHECK(store.value().campaign_definition("demo-riverside-budget-2026").value().has_value());
    // Later syncs need no code: the tablet is enrolled.
    CHECK(run_program({STREETVOICE_CLI_BINARY, "sync", "--data-dir", data_dir}, output) == 0);
}

TEST_CASE("sync: a ballot the hub refuses stays on the kiosk with its reason, the rest are synced") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    TempFolder kiosk;
    std::string refused_uuid;
    {
        sv::Store store = open_kiosk(kiosk);
        sv::test::fill_kiosk(store, 10, 3);
        // Written by a kiosk with a broken budget check: more than the budget.
        const auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
        sv::BudgetBallot over;
        over.chosen = {1, 4, 5, 11};
        sv::ResponseDraft draft = sv::test::budget_draft(1);
        draft.payload = sv::ballot_payload(campaign.activity("budget")->budget, over);
        refused_uuid = draft.uuid;
        REQUIRE(store.record_response(draft).ok());
    }
    std::string output;
    CHECK(run_program(sync_command(kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code()}), output) == 0);
    INFO(output);
    CHECK_THAT(output, Catch::Contains("sent 11, accepted 10, duplicate 0, rejected 1, left 0"));
    CHECK_THAT(output, Catch::Contains("refused by the hub, kept here: " + refused_uuid + ": ") &&
                           Catch::Contains("more than the £50,000 there is"));
    {
        sv::Store store = open_kiosk(kiosk);
        const auto refused = store.find_response(refused_uuid).value();
        CHECK(refused->outbox == sv::OutboxState::rejected);
        CHECK_THAT(refused->rejection_reason, Catch::Contains("more than the £50,000"));
    }
    // Sent once more on request, and refused once more: still kept, never lost.
    CHECK(run_program(sync_command(kiosk, {"--retry-rejected"}), output) == 0);
    CHECK_THAT(output, Catch::Contains("1 refused answer back in the queue"));
    CHECK_THAT(output, Catch::Contains("sent 1, accepted 0, duplicate 0, rejected 1, left 0"));
    CHECK(uuids_on_hub(hub).size() == 10);
}

TEST_CASE("sync: killed at any moment, the next sync resumes and nothing is doubled") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    TempFolder kiosk;
    std::vector<std::string> uuids;
    {
        sv::Store store = open_kiosk(kiosk);
        uuids = sv::test::fill_kiosk(store, 400, 4);
    }
    std::string output;
    REQUIRE(run_program(sync_command(kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code(), "--batch-size", "10",
                                             "--patience", "1"}),
                        output) <= 1);
    std::mt19937_64 random(4);
    for (int kill = 0; kill < 5; ++kill) {
        ChildProcess sync(sync_command(kiosk, {"--batch-size", "10"}), ChildProcess::Stderr::with_stdout);
        // Waits for a few batches to go through (or the end), then kills without warning.
        const int batches = std::uniform_int_distribution<int>(1, 6)(random);
        std::vector<std::string> lines;
        int progress = 0;
        while (progress < batches && sync.read_lines_for(2000, lines)) {
            progress = 0;
            for (const auto& line : lines) progress += line.rfind("sent ", 0) == 0 ? 1 : 0;
        }
        sync.kill_now();
        sync.wait();
    }
    const auto partly = open_kiosk(kiosk).outbox_counts().value();
    CHECK(partly.synced > 0);
    CHECK(run_program(sync_command(kiosk), output) == 0);
    INFO(output);
    CHECK_THAT(output, Catch::Contains("left 0"));
    const auto counts = open_kiosk(kiosk).outbox_counts().value();
    CHECK(counts.synced == 400);
    CHECK(counts.pending == 0);
    CHECK(uuids_on_hub(hub) == std::set<std::string>(uuids.begin(), uuids.end()));
}

TEST_CASE("sync: a refused code or token is said in plain words and nothing is marked sent") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    TempFolder kiosk;
    {
        auto store = open_kiosk(kiosk);
        sv::test::fill_kiosk(store, 3, 5);
    }
    std::string output;
    CHECK(run_program(sync_command(kiosk, {"--hub", hub.url(), "--enrol", "ABCDE-FGHJK"}), output) == 2);
    CHECK_THAT(output, Catch::Contains("refused to enrol this tablet (HTTP 403)") &&
                           Catch::Contains("enrolment code is not known"));
    CHECK(run_program(sync_command(kiosk, {"--hub", hub.url()}), output) == 2);
    CHECK_THAT(output, Catch::Contains("not enrolled with " + hub.url()));
    CHECK(run_program(sync_command(kiosk, {"--hub", "http://hub.example.org"}), output) == 2);
    CHECK_THAT(output, Catch::Contains("must start with https://"));
    {
        auto store = open_kiosk(kiosk);
        REQUIRE(store
                    .save_setting(sv::hub_setting::enrolment,
                                  nlohmann::json{{"url", hub.url()}, {"token", "not-a-real-token"}}.dump())
                    .ok());
    }
    CHECK(run_program(sync_command(kiosk), output) == 1);
    // Asked first which answers it holds (before any is sent), the hub refuses the token.
    CHECK_THAT(output, Catch::Contains("refused to say which answers it holds (HTTP 401)") &&
                           Catch::Contains("token is not known here"));
    CHECK(open_kiosk(kiosk).outbox_counts().value().pending == 3);
    CHECK(uuids_on_hub(hub).empty());
}

TEST_CASE(
    "sync: a revoked tablet is refused in plain words, keeps its answers, and comes back only with its own code") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    TempFolder kiosk;
    std::string device_id;
    {
        auto store = open_kiosk(kiosk);
        sv::test::fill_kiosk(store, 2, 3);
        device_id = store.device_id();
    }
    std::string output;
    REQUIRE(run_program(sync_command(kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code()}), output) == 0);
    REQUIRE(hub.command("devices", {"--revoke", device_id}, output) == 0);
    CHECK_THAT(output, Catch::Contains("enrol-code --for-device " + device_id));
    REQUIRE(hub.command("devices", {}, output) == 0);
    CHECK_THAT(output, Catch::Contains(device_id) && Catch::Contains("REVOKED"));

    {
        auto store = open_kiosk(kiosk);
        sv::test::fill_kiosk(store, 3, 4);
    }
    CHECK(run_program(sync_command(kiosk), output) == 1);
    CHECK_THAT(output, Catch::Contains("HTTP 403") && Catch::Contains("taken off the hub by its administrator"));
    CHECK(open_kiosk(kiosk).outbox_counts().value().pending == 3);
    CHECK(uuids_on_hub(hub).size() == 2);
    // Its token, or any code not made for it, does not bring it back.
    CHECK(run_program(sync_command(kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code()}), output) == 2);
    REQUIRE(run_program(sync_command(kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code(device_id)}), output) ==
            0);
    CHECK(uuids_on_hub(hub).size() == 5);
    CHECK(hub.command("devices", {"--revoke", "no-such-device"}, output) == 2);
}

TEST_CASE("sync: a hub restored from an older backup gets back from the tablets every answer it lost, none twice") {
    const std::string kind = GENERATE(as<std::string>{}, "sqlite", "postgresql");
    std::optional<sv::test::RunningPostgres> postgres;
    TempFolder backups, kiosk_a, kiosk_b;
    const std::string backup = backups.file("hub-backup.sqlite");
    // As the operator's guide has IT run them: the shell writes and reads the file.
    const auto hub_shell = [](const std::string& db, const std::string& rest, std::string& output) {
        return run_program({"/bin/sh", "-c", std::string(STREETVOICE_HUB_BINARY) + " --db '" + db + "' " + rest},
                           output);
    };
    std::vector<std::string> all;
    std::string output;
    const auto fill = [&all](const TempFolder& kiosk, int count, std::uint64_t seed) {
        auto store = open_kiosk(kiosk);
        const auto uuids = sv::test::fill_kiosk(store, count, seed);
        all.insert(all.end(), uuids.begin(), uuids.end());
    };
    {
        RunningHub hub(sv::test::hub_database(kind, postgres));
        fill(kiosk_a, 3, 1);
        fill(kiosk_b, 2, 2);
        for (const auto* kiosk : {&kiosk_a, &kiosk_b})
            REQUIRE(run_program(sync_command(*kiosk, {"--hub", hub.url(), "--enrol", hub.enrolment_code()}), output) ==
                    0);
        REQUIRE(hub_shell(hub.db(), "backup > '" + backup + "'", output) == 0);
        CHECK_THAT(output, Catch::Contains("backed up 2 devices, 2 campaign versions, 5 responses"));
        // Answers that arrive after the backup, and that the tablets then count as sent.
        fill(kiosk_a, 2, 3);
        fill(kiosk_b, 1, 4);
        for (const auto* kiosk : {&kiosk_a, &kiosk_b}) REQUIRE(run_program(sync_command(*kiosk), output) == 0);
        REQUIRE(uuids_on_hub(hub).size() == 8);
        CHECK(open_kiosk(kiosk_a).outbox_counts().value().pending == 0);
    }

    // The disk is lost; the hub is restored from the backup into a new database, at a new address.
    std::string restored = sv::test::hub_database(kind, postgres);
    if (kind == "sqlite") restored = "sqlite:" + backups.file("hub-restored.sqlite");
    REQUIRE(hub_shell(restored, "restore < '" + backup + "'", output) == 0);
    CHECK_THAT(output, Catch::Contains("restored 2 devices, 2 campaign versions, 5 responses"));
    // Anything but a hub's backup is refused, and the hub is left as it was.
    CHECK(hub_shell(restored, "restore < '" + sv::answers_file_in(kiosk_a.path()) + "'", output) == 3);
    CHECK_THAT(output, Catch::Contains("nothing was restored: That is not a hub backup"));
    RunningHub hub(restored);
    REQUIRE(uuids_on_hub(hub).size() == 5);

    // A new answer waits on one tablet too: it follows the lost ones in the tablet's chain, so
    // they are sent first, and the hub finds the chain whole.
    fill(kiosk_a, 1, 5);
    int code = run_program(sync_command(kiosk_a, {"--hub", hub.url()}), output);
    INFO(output);
    CHECK(code == 0);
    CHECK_THAT(output, Catch::Contains("2 answers the hub had lost (restored from a backup?) sent again") &&
                           Catch::Contains("sent 3, accepted 3, duplicate 0, rejected 0, left 0") &&
                           Catch::Contains("the hub is now at " + hub.url()));
    code = run_program(sync_command(kiosk_b, {"--hub", hub.url()}), output);
    CHECK(code == 0);
    CHECK_THAT(output, Catch::Contains("1 answer the hub had lost"));
    CHECK(uuids_on_hub(hub) == std::set<std::string>(all.begin(), all.end()));  // and none twice

    // Once whole, a sync finds nothing to send again; the address is kept.
    code = run_program(sync_command(kiosk_a), output);
    CHECK(code == 0);
    CHECK_THAT(output, Catch::Contains("sent 0,") && !Catch::Contains("had lost") && !Catch::Contains("now at"));
    // Staff's "send everything again": the hub keeps one copy of each.
    code = run_program(sync_command(kiosk_b, {"--resend-all"}), output);
    CHECK(code == 0);
    CHECK_THAT(output, Catch::Contains("3 sent answers back in the queue") &&
                           Catch::Contains("sent 3, accepted 0, duplicate 3, rejected 0, left 0"));
    CHECK(uuids_on_hub(hub).size() == 9);
}

TEST_CASE("sync: a Wi-Fi login page, a flood or a wrong receipt acknowledges nothing") {
    std::string body;
    FakeHub liar([&body](const sv::ResponseBatch&, httplib::Response& res) {
        res.status = 200;
        res.set_content(body, "text/html");
    });
    TempFolder folder;
    KioskSyncingTo kiosk(folder, liar.url(), 20);
    SECTION("a login page") {
        body = "<html><body>Welcome to Supermarket Wi-Fi. Please log in.</body></html>";
        auto sent = kiosk.send();
        REQUIRE_FALSE(sent.ok());
        CHECK_THAT(sent.error().message, Catch::Contains("Wi-Fi login page") && Catch::Contains("Gave up for now"));
    }
    SECTION("a flood") {
        body = std::string(20 * 1024 * 1024, ' ');
        auto sent = kiosk.send();
        REQUIRE_FALSE(sent.ok());
        CHECK_THAT(sent.error().message, Catch::Contains("far larger than any real answer"));
    }
    SECTION("a receipt for other responses") {
        sv::BatchReply other;
        other.results.push_back({"3f1c2a9e-0000-4000-8000-000000000000", sv::Verdict::accepted, ""});
        body = sv::reply_json(other);
        REQUIRE_FALSE(kiosk.send().ok());
    }
    CHECK(kiosk.store.outbox_counts().value().pending == 20);
}

TEST_CASE("sync: random hostile replies never crash the kiosk, and only a true receipt marks a response sent") {
    std::mutex mutex;
    std::set<std::string> truly_acknowledged;
    std::mt19937_64 random(11);
    FakeHub hostile([&](const sv::ResponseBatch& batch, httplib::Response& res) {
        std::lock_guard lock(mutex);
        sv::BatchReply reply;
        for (const auto& r : batch.responses) reply.results.push_back({r.uuid, sv::Verdict::accepted, ""});
        std::string good = sv::reply_json(reply);
        const int statuses[] = {200, 200, 200, 201, 204, 302, 400, 401, 404, 413, 429, 500, 502, 503};
        res.status = statuses[std::uniform_int_distribution<std::size_t>(0, std::size(statuses) - 1)(random)];
        switch (std::uniform_int_distribution<int>(0, 5)(random)) {
            case 0: good.resize(std::uniform_int_distribution<std::size_t>(0, good.size())(random)); break;
            case 1:
                for (int i = 0; i < 8; ++i)
                    good[std::uniform_int_distribution<std::size_t>(0, good.size() - 1)(random)] =
                        static_cast<char>(random());
                break;
            case 2: good = "{\"results\": [" + good + "]}"; break;
            case 3: good = sv::error_json("The hub is having a bad day."); break;
            default: break;  // the true receipt
        }
        if (res.status == 200 && sv::parse_reply(good, batch).ok())
            for (const auto& r : batch.responses) truly_acknowledged.insert(r.uuid);
        res.set_content(good, "application/json");
    });
    TempFolder folder;
    KioskSyncingTo kiosk(folder, hostile.url(), 300);
    for (int round = 0; round < 40; ++round) kiosk.send(25);
    const auto stored = kiosk.store.responses().value();
    for (const auto& r : stored) {
        if (r.outbox != sv::OutboxState::pending) CHECK(truly_acknowledged.count(r.uuid) == 1);
    }
    CHECK(kiosk.store.outbox_counts().value().synced > 0);
}

TEST_CASE("sync: a campaign list nested thousands deep is refused in plain words, the kiosk keeps its campaigns") {
    FakeHub hub([](const sv::ResponseBatch&, httplib::Response& res) { res.status = 503; });
    TempFolder folder;
    KioskSyncingTo kiosk(folder, hub.url(), 0);
    // 130 KB of brackets: the shape that overflowed the stack when written out again.
    const std::string deep = std::string(65000, '[') + std::string(65000, ']');
    for (const std::string& definition : {deep, "{\"a\":" + deep + "}"}) {
        hub.serve_campaigns("{\"protocol\":" + std::to_string(sv::kProtocolVersion) +
                            ",\"campaigns\":[{\"id\":\"deep\",\"version\":1,\"definition\":" + definition + "}]}");
        auto pulled = kiosk.syncing().pull_campaigns();
        REQUIRE_FALSE(pulled.ok());
        CHECK_THAT(pulled.error().message, Catch::Contains("nests lists and objects more than 32 deep"));
        CHECK_FALSE(kiosk.store.campaign_definition("deep").value().has_value());
    }
    // Exactly 32 deep in all (the list, its entry, the definition, 28 more) is read as usual.
    hub.serve_campaigns("{\"protocol\":" + std::to_string(sv::kProtocolVersion) +
                        ",\"campaigns\":[{\"id\":\"deep\",\"version\":1,\"definition\":{\"a\":" + std::string(28, '[') +
                        std::string(28, ']') + "}}]}");
    auto pulled = kiosk.syncing().pull_campaigns();
    REQUIRE(pulled.ok());
    CHECK(pulled.value() == 1);
    CHECK(kiosk.store.campaign_definition("deep").value().has_value());
}

TEST_CASE("sync: a hub that defines a held version otherwise is reported, and the kiosk keeps its own copy") {
    FakeHub hub([](const sv::ResponseBatch&, httplib::Response& res) { res.status = 503; });
    TempFolder folder;
    KioskSyncingTo kiosk(folder, hub.url(), 0);
    auto list = [](const std::string& held, int other_version) {
        return "{\"protocol\":" + std::to_string(sv::kProtocolVersion) +
               ",\"campaigns\":[{\"id\":\"held\",\"version\":1,\"definition\":" + held +
               "},{\"id\":\"other\",\"version\":" + std::to_string(other_version) + ",\"definition\":{\"b\":1}}]}";
    };
    hub.serve_campaigns(list("{\"a\":1,\"z\":[1,2]}", 1));
    REQUIRE(kiosk.syncing().pull_campaigns().ok());
    // The same campaign spaced and ordered otherwise is no change.
    hub.serve_campaigns(list("{ \"z\": [1, 2], \"a\": 1 }", 1));
    CHECK(kiosk.syncing().pull_campaigns().ok());

    hub.serve_campaigns(list("{\"a\":2,\"z\":[1,2]}", 2));
    auto pulled = kiosk.syncing().pull_campaigns();
    REQUIRE_FALSE(pulled.ok());
    CHECK_THAT(pulled.error().message, Catch::Contains("The hub now defines campaign \"held\" version 1 otherwise"));
    CHECK_THAT(pulled.error().message, Catch::Contains("the kiosk keeps its own"));
    CHECK(kiosk.store.campaign_definition("held", 1).value().value() == "{\"a\":1,\"z\":[1,2]}");
    // The rest of the update is taken all the same.
    CHECK(kiosk.store.campaign_definition("other", 2).value().has_value());
    // Asked again, the hub is not let off with "nothing new".
    REQUIRE_FALSE(kiosk.syncing().pull_campaigns().ok());
}

TEST_CASE("sync: a picture cut off or not the one listed is not kept, and a later sync brings it") {
    FakeHub hub([](const sv::ResponseBatch&, httplib::Response& res) { res.status = 503; });
    TempFolder folder;
    KioskSyncingTo kiosk(folder, hub.url(), 0);
    const std::string benches(20000, 'b'), swings(15000, 's');
    sv::PublishedCampaigns list;
    list.campaigns.push_back({"riverside", 1, "{\"a\":1}", {}, {}, {}});
    list.campaigns[0].pictures = {{"pictures/benches.png", sv::sha256_hex(benches), 20000},
                                  {"pictures/swings.png", sv::sha256_hex(swings), 15000}};
    hub.serve_campaigns(sv::campaigns_json(list));
    hub.serve_picture(sv::sha256_hex(benches), benches, true);
    hub.serve_picture(sv::sha256_hex(swings), std::string(15000, 'x'));  // not the picture listed
    auto pulled = kiosk.syncing().pull_campaigns();
    REQUIRE_FALSE(pulled.ok());
    CHECK_THAT(pulled.error().message, Catch::Contains("pictures/benches.png"));
    const std::string kept = sv::hub_pictures_folder(kiosk.store.path());
    CHECK_FALSE(std::filesystem::exists(kept + "/" + sv::sha256_hex(benches)));
    CHECK_FALSE(std::filesystem::exists(kept + "/" + sv::sha256_hex(swings)));
    // Out of patience with the cut connection: the version waits for the next sync.
    CHECK_FALSE(kiosk.store.campaign_definition("riverside", 1).value().has_value());

    // Whole now, but the other still not the picture listed: said, and the rest kept.
    hub.serve_picture(sv::sha256_hex(benches), benches);
    pulled = kiosk.syncing().pull_campaigns();
    REQUIRE_FALSE(pulled.ok());
    CHECK_THAT(pulled.error().message,
               Catch::Contains("1 of the campaign's pictures did not arrive (pictures/swings.png: "
                               "it arrived damaged"));
    CHECK(sv::test::read_file(kept + "/" + sv::sha256_hex(benches)) == benches);
    CHECK_FALSE(std::filesystem::exists(kept + "/" + sv::sha256_hex(swings)));
    // The campaign itself is kept, and knows its pictures by name: the card without one shows none.
    CHECK(kiosk.store.campaign_definition("riverside", 1).value().has_value());
    CHECK(kiosk.store.picture_files("riverside", 1).value().at("pictures/swings.png") == sv::sha256_hex(swings));

    hub.serve_picture(sv::sha256_hex(swings), swings);
    REQUIRE(kiosk.syncing().pull_campaigns().ok());
    CHECK(sv::test::read_file(kept + "/" + sv::sha256_hex(benches)) == benches);
    CHECK(sv::test::read_file(kept + "/" + sv::sha256_hex(swings)) == swings);
}

TEST_CASE("sync: a list naming a picture by something other than a SHA-256 is refused") {
    sv::PublishedCampaigns list;
    list.campaigns.push_back({"riverside", 1, "{\"a\":1}", {}, {}, {}});
    for (const std::string& name : {std::string("../../etc/passwd"), std::string(64, 'G'), std::string(63, 'a')}) {
        list.campaigns[0].pictures = {{"pictures/benches.png", name, 20000}};
        auto parsed = sv::parse_campaigns(sv::campaigns_json(list));
        REQUIRE_FALSE(parsed.ok());
        CHECK_THAT(parsed.error().message, Catch::Contains("without a proper SHA-256"));
    }
    list.campaigns[0].pictures = {{"pictures/benches.png", std::string(64, 'a'), sv::kLargestPictureBytes + 1}};
    CHECK_FALSE(sv::parse_campaigns(sv::campaigns_json(list)).ok());
}

TEST_CASE("sync: over TLS the kiosk trusts the council's own certificate only when told to, and remembers it") {
    TempFolder folder;
    std::string output;
    REQUIRE(run_program({"/usr/bin/openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout",
                         folder.file("key.pem"), "-out", folder.file("cert.pem"), "-days", "2", "-subj",
                         "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"},
                        output) == 0);
    const std::string db = "sqlite:" + folder.file("hub.sqlite");
    REQUIRE(run_program({STREETVOICE_HUB_BINARY, "publish", "--db", db, STREETVOICE_DEMO_CAMPAIGN}, output) == 0);
    ChildProcess hub({STREETVOICE_HUB_BINARY, "serve", "--db", db, "--listen", "127.0.0.1:0", "--cert",
                      folder.file("cert.pem"), "--key", folder.file("key.pem")});
    std::vector<std::string> lines;
    for (int waited = 0; lines.empty() && waited < 200; ++waited)
        if (!hub.read_lines_for(50, lines)) break;
    REQUIRE(!lines.empty());
    const std::string prefix = "listening on https://127.0.0.1:";
    REQUIRE(lines[0].rfind(prefix, 0) == 0);
    const std::string url = "https://127.0.0.1:" + lines[0].substr(prefix.size());
    REQUIRE(run_program({STREETVOICE_HUB_BINARY, "enrol-code", "--db", db}, output) == 0);
    const std::string code = output.substr(0, output.find('\n'));

    TempFolder kiosk;
    {
        auto store = open_kiosk(kiosk);
        auto saved = store.record_response(sv::test::place_standard_draft(1));
        REQUIRE(saved.ok());
    }
    CHECK(run_program(sync_command(kiosk, {"--hub", url, "--enrol", code, "--patience", "1"}), output) == 2);
    CHECK_THAT(output, Catch::Contains("certificate could not be trusted"));
    CHECK(run_program(sync_command(kiosk, {"--hub", url, "--enrol", code, "--ca-file", folder.file("cert.pem")}),
                      output) == 0);
    INFO(output);
    CHECK_THAT(output, Catch::Contains("sent 1, accepted 1, duplicate 0, rejected 0, left 0"));
    // Given once, the certificate authority is kept: the next sync needs no --ca-file.
    {
        auto store = open_kiosk(kiosk);
        REQUIRE(store.record_response(sv::test::place_standard_draft(2)).ok());
    }
    CHECK(run_program(sync_command(kiosk, {"--patience", "1"}), output) == 0);
    CHECK_THAT(output, Catch::Contains("sent 1, accepted 1, duplicate 0, rejected 0, left 0"));
    hub.kill_now();
    hub.wait();
}

TEST_CASE("hub copy: a hub moved from SQLite to PostgreSQL carries on with the same kiosks, nothing lost or doubled") {
    TempFolder kiosk, old_hub_folder;
    const std::string old_db = "sqlite:" + old_hub_folder.file("hub.sqlite");
    std::vector<std::string> uuids;
    {
        sv::Store store = open_kiosk(kiosk);
        uuids = sv::test::fill_kiosk(store, 300, 7);
    }
    std::string output;
    {
        RunningHub old_hub(old_db);
        REQUIRE(run_program(sync_command(kiosk, {"--hub", old_hub.url(), "--enrol", old_hub.enrolment_code()}),
                            output) == 0);
        CHECK(uuids_on_hub(old_hub).size() == 300);
        old_hub.add_organiser("sam", "correct horse battery");
        old_hub.add_organiser("cllr.okafor", "correct horse battery", "Riverside");
        REQUIRE(old_hub.command("public", {"--campaign", "demo-riverside-2026", "on"}, output) == 0);
        sv::test::DashboardVisitor sam(old_hub);
        REQUIRE(sam.log_in("sam", "correct horse battery")->status == 303);
        auto note = sam.post("/dashboard/campaigns/demo-riverside-2026/notes",
                             {{"said", "The path floods."}, {"did", "Drains went in."}});
        REQUIRE(note);
        REQUIRE(note->status == 303);
    }  // the old hub stops for the move

    sv::test::RunningPostgres server;
    const std::string new_db = server.new_database();
    int code = run_program({STREETVOICE_HUB_BINARY, "copy", "--db", old_db, "--to", new_db}, output);
    INFO(output);
    REQUIRE(code == 0);
    CHECK_THAT(output, Catch::Contains("copied 1 devices"));
    CHECK_THAT(output, Catch::Contains("300 responses (0 were there already)"));
    // Run again (say the first run was cut off): nothing doubles.
    REQUIRE(run_program({STREETVOICE_HUB_BINARY, "copy", "--db", old_db, "--to", new_db}, output) == 0);
    CHECK_THAT(output, Catch::Contains("0 responses (300 were there already)"));
    {
        auto moved = sv::open_hub_store(new_db);
        REQUIRE(moved.ok());
        CHECK(moved.value()->organisers().value().size() == 2);
        CHECK(moved.value()->organiser("cllr.okafor").value()->councillor_ward == "Riverside");
        CHECK(moved.value()->results_public("demo-riverside-2026").value());
        const auto notes = moved.value()->outcome_notes("").value();
        REQUIRE(notes.size() == 1);  // once, though copied twice
        CHECK(notes[0].said == "The path floods.");
        CHECK(notes[0].written_by == "sam");
        // The campaigns' pictures come along, byte for byte.
        std::size_t pictures = 0;
        const auto published = moved.value()->published_campaigns();
        REQUIRE(published.ok());
        for (const auto& campaign : published.value())
            for (const auto& p : campaign.pictures) {
                const auto bytes = moved.value()->picture(p.sha256).value();
                REQUIRE(bytes);
                CHECK(sv::sha256_hex(*bytes) == p.sha256);
                ++pictures;
            }
        CHECK(pictures == 4);
    }

    // The kiosk keeps its token: no new enrolment on the new hub, only its new address.
    RunningHub new_hub(new_db);
    {
        sv::Store store = open_kiosk(kiosk);
        const auto more = sv::test::fill_kiosk(store, 20, 8);
        uuids.insert(uuids.end(), more.begin(), more.end());
    }
    code = run_program(sync_command(kiosk, {"--hub", new_hub.url()}), output);
    INFO(output);
    CHECK(code == 0);
    CHECK_THAT(output, Catch::Contains("sent 20, accepted 20, duplicate 0, rejected 0, left 0") &&
                           Catch::Contains("the hub is now at " + new_hub.url()));
    CHECK(sv::enrolled_hub_url(open_kiosk(kiosk)) == new_hub.url());
    CHECK(uuids_on_hub(new_hub) == std::set<std::string>(uuids.begin(), uuids.end()));

    // A target holding other answers under the same UUIDs is refused, and the old hub is untouched.
    TempFolder other_kiosk, other_hub_folder;
    const std::string other_db = "sqlite:" + other_hub_folder.file("hub.sqlite");
    {
        RunningHub other_hub(other_db);
        sv::Store store = open_kiosk(other_kiosk);
        auto draft = sv::test::place_standard_draft(99);
        draft.uuid = uuids.front();  // same UUID, different answers
        REQUIRE(store.record_response(draft).ok());
        REQUIRE(
            run_program(sync_command(other_kiosk, {"--hub", other_hub.url(), "--enrol", other_hub.enrolment_code()}),
                        output) == 0);
    }
    code = run_program({STREETVOICE_HUB_BINARY, "copy", "--db", old_db, "--to", other_db}, output);
    CHECK(code != 0);
    CHECK_THAT(output, Catch::Contains("with different answers"));
    CHECK_THAT(output, Catch::Contains("The old hub is unchanged"));
}

TEST_CASE("sync: every answer sent but the campaigns not fetched exits 1 and says why") {
    FakeHub hub([](const sv::ResponseBatch& batch, httplib::Response& res) {
        sv::BatchReply reply;
        for (const auto& r : batch.responses) reply.results.push_back({r.uuid, sv::Verdict::accepted, ""});
        res.set_content(sv::reply_json(reply), "application/json");
    });
    hub.serve_campaigns("<html><body>Welcome to Supermarket Wi-Fi</body></html>");
    TempFolder folder;
    { KioskSyncingTo kiosk(folder, hub.url(), 6); }
    std::string output;
    const int code = run_program(sync_command(folder, {"--patience", "1"}), output);
    INFO(output);
    CHECK(code == 1);
    CHECK_THAT(output, Catch::Contains("could not fetch campaigns"));
    CHECK_THAT(output, Catch::Contains("sent 6, accepted 6, duplicate 0, rejected 0, left 0"));
    // With the campaigns back, the same command is done.
    hub.serve_campaigns(sv::campaigns_json({}));
    CHECK(run_program(sync_command(folder, {"--patience", "1"}), output) == 0);
}
