// The real streetvoice-hub on 127.0.0.1, with a real SQLite file, spoken to over HTTP.
#include <httplib.h>

#include <sqlite3.h>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "access_log.hpp"
#include "budget_ballot.hpp"
#include "campaign.hpp"
#include "child_process.hpp"
#include "dashboard_visitor.hpp"
#include "gzip_body.hpp"
#include "hub_store.hpp"
#include "open_hub_store.hpp"
#include "place_standard.hpp"
#include "running_hub.hpp"
#include "sha256.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

using sv::test::run_program;
using sv::test::RunningHub;

namespace {

sv::Response place_response(const std::string& device) {
    sv::PlaceStandardAnswers answers;
    for (std::size_t i = 0; i < answers.ratings.size(); ++i) answers.ratings[i] = 1 + static_cast<int>(i % 7);
    static const int version = sv::load_campaign_file(STREETVOICE_DEMO_CAMPAIGN).value().version;
    return {sv::new_uuid(),
            "demo-riverside-2026",
            version,
            "place",
            sv::new_uuid(),
            device,
            "2026-11-22T10:00:00Z",
            sv::place_standard_payload(answers)};
}

sv::Response ballot_response(const std::string& device, const std::vector<int>& projects) {
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN).value();
    const auto& vote = campaign.activity("budget")->budget;
    sv::BudgetBallot ballot;
    for (int p : projects) ballot.chosen.push_back(p);
    return {sv::new_uuid(), campaign.id, campaign.version,       "budget",
            sv::new_uuid(), device,      "2026-11-22T10:05:00Z", sv::ballot_payload(vote, ballot)};
}

httplib::Result upload(const RunningHub& hub, const std::string& token, const sv::ResponseBatch& batch) {
    httplib::Headers headers{{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}};
    return hub.client().Post(sv::api_path::batch, headers, sv::gzip_compress(sv::batch_json(batch)),
                             "application/json");
}

std::vector<sv::Verdict> verdicts(const httplib::Result& res, const sv::ResponseBatch& sent) {
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    auto reply = sv::parse_reply(res->body, sent);
    REQUIRE(reply.ok());
    std::vector<sv::Verdict> all;
    for (const auto& r : reply.value().results) all.push_back(r.verdict);
    return all;
}

}  // namespace

TEST_CASE("hub: a device enrols, uploads a gzip batch, and a resend is all duplicates") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const auto [device, token] = hub.enrol();
    const sv::ResponseBatch batch{{place_response(device), place_response(device), ballot_response(device, {0, 2})}};
    using V = sv::Verdict;
    CHECK(verdicts(upload(hub, token, batch), batch) == std::vector<V>{V::accepted, V::accepted, V::accepted});
    CHECK(verdicts(upload(hub, token, batch), batch) == std::vector<V>{V::duplicate, V::duplicate, V::duplicate});

    const auto rows = hub.exported_rows("demo-riverside-2026");
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].rfind(batch.responses[0].uuid + ",", 0) == 0);
    CHECK(rows[1].rfind(batch.responses[1].uuid + ",", 0) == 0);
    CHECK(hub.exported_rows("demo-riverside-budget-2026").size() == 1);
}

TEST_CASE("hub: a bad ballot is rejected with its reason and the rest of the batch is kept") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const auto [device, token] = hub.enrol();
    // Swings, trees, youth club and the school crossing: £67,000 of a £50,000 budget.
    const sv::ResponseBatch batch{
        {place_response(device), ballot_response(device, {1, 4, 5, 11}), ballot_response(device, {3})}};
    auto res = upload(hub, token, batch);
    using V = sv::Verdict;
    CHECK(verdicts(res, batch) == std::vector<V>{V::accepted, V::rejected, V::accepted});
    CHECK_THAT(sv::parse_reply(res->body, batch).value().results[1].reason,
               Catch::Contains("more than the £50,000 there is"));
    CHECK(hub.exported_rows("demo-riverside-budget-2026").size() == 1);
}

TEST_CASE("hub: the same UUID with different content is a conflict, and the stored one stays") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const auto [device, token] = hub.enrol();
    const sv::ResponseBatch first{{ballot_response(device, {3})}};
    CHECK(verdicts(upload(hub, token, first), first) == std::vector<sv::Verdict>{sv::Verdict::accepted});
    sv::ResponseBatch changed = first;
    changed.responses[0].payload = ballot_response(device, {4}).payload;
    auto res = upload(hub, token, changed);
    CHECK(verdicts(res, changed) == std::vector<sv::Verdict>{sv::Verdict::rejected});
    CHECK_THAT(sv::parse_reply(res->body, changed).value().results[0].reason,
               Catch::Contains("already holds a different response"));
    const auto rows = hub.exported_rows("demo-riverside-budget-2026");
    REQUIRE(rows.size() == 1);
    CHECK_THAT(rows[0], Catch::Contains("bridge-street-bikes"));
}

TEST_CASE("hub: what a stranger or a broken client sends is refused and nothing is stored") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const auto [device, token] = hub.enrol();
    const auto [other_device, other_token] = hub.enrol();
    const sv::ResponseBatch batch{{place_response(device)}};
    auto client = hub.client();
    auto status_and_message = [](const httplib::Result& res) {
        REQUIRE(res);
        const std::string message = sv::error_message_of(res->body);
        INFO(res->body);
        CHECK_FALSE(message.empty());  // every refusal says why, in words
        return res->status;
    };

    SECTION("no token") {
        CHECK(status_and_message(client.Post(sv::api_path::batch, sv::batch_json(batch), "application/json")) == 401);
    }
    SECTION("a wrong token") {
        CHECK(status_and_message(upload(hub, token + "0", batch)) == 401);
    }
    SECTION("another device's token") {
        auto res = upload(hub, other_token, batch);
        CHECK(verdicts(res, batch) == std::vector<sv::Verdict>{sv::Verdict::rejected});
        CHECK_THAT(sv::parse_reply(res->body, batch).value().results[0].reason, Catch::Contains("another device"));
    }
    SECTION("a reused enrolment code") {
        const std::string code = hub.enrolment_code();
        auto first =
            client.Post(sv::api_path::enrol, sv::enrol_request_json({code, sv::new_uuid()}), "application/json");
        REQUIRE(first);
        CHECK(first->status == 200);
        auto again =
            client.Post(sv::api_path::enrol, sv::enrol_request_json({code, sv::new_uuid()}), "application/json");
        CHECK(status_and_message(again) == 403);
        auto made_up = client.Post(sv::api_path::enrol, sv::enrol_request_json({"ABCDE-FGHJK", sv::new_uuid()}),
                                   "application/json");
        CHECK(status_and_message(made_up) == 403);
    }
    SECTION("an oversized body") {
        std::string huge = sv::batch_json(batch);
        huge.insert(huge.size() - 1, ",\"padding\":\"" + std::string(sv::kLargestBodyBytes, 'x') + "\"");
        httplib::Headers headers{{"Authorization", "Bearer " + token}};
        auto res = client.Post(sv::api_path::batch, headers, huge, "application/json");
        // The hub may answer 413 or close the connection on a body this size; either way, nothing stored.
        if (res) CHECK(res->status == 413);
    }
    SECTION("a gzip bomb") {
        std::string bomb = sv::batch_json(batch);
        bomb.insert(bomb.size() - 1, ",\"padding\":\"" + std::string(4 * sv::kLargestBodyBytes, ' ') + "\"");
        httplib::Headers headers{{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}};
        auto res = client.Post(sv::api_path::batch, headers, sv::gzip_compress(bomb), "application/json");
        if (res) CHECK(res->status == 413);
    }
    SECTION("malformed JSON") {
        httplib::Headers headers{{"Authorization", "Bearer " + token}};
        CHECK(status_and_message(client.Post(sv::api_path::batch, headers, "{\"protocol\":1,\"responses\":[",
                                             "application/json")) == 400);
    }
    SECTION("a response for a campaign that is not published") {
        sv::ResponseBatch unpublished = batch;
        unpublished.responses[0].campaign_version = 7;
        auto res = upload(hub, token, unpublished);
        CHECK(verdicts(res, unpublished) == std::vector<sv::Verdict>{sv::Verdict::rejected});
        CHECK_THAT(sv::parse_reply(res->body, unpublished).value().results[0].reason,
                   Catch::Contains("is not published on this hub"));
    }
    SECTION("an address that does not exist") {
        CHECK(status_and_message(client.Get("/api/v1/secrets")) == 404);
    }
    CHECK(hub.exported_rows("demo-riverside-2026").empty());
}

TEST_CASE("hub: a device id already enrolled is re-enrolled only with its own token or a code issued for it") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    auto client = hub.client();
    auto enrol = [&](const std::string& code, const std::string& device, const std::string& token = "") {
        httplib::Headers headers;
        if (!token.empty()) headers.emplace("Authorization", "Bearer " + token);
        auto res =
            client.Post(sv::api_path::enrol, headers, sv::enrol_request_json({code, device}), "application/json");
        REQUIRE(res);
        return res;
    };
    auto works = [&](const std::string& token) {
        auto res = client.Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}});
        REQUIRE(res);
        return res->status == 200;
    };
    const auto [tablet, token] = hub.enrol();  // its id is in every export

    // Someone with a fresh code and the tablet's id cannot take its place; the code is not used up.
    const std::string code = hub.enrolment_code();
    auto taken = enrol(code, tablet);
    CHECK(taken->status == 409);
    CHECK_THAT(sv::error_message_of(taken->body),
               Catch::Contains("is enrolled already") && Catch::Contains("enrol-code --for-device " + tablet));
    CHECK(enrol(hub.enrolment_code(), tablet, std::string(64, '0'))->status == 409);
    CHECK(works(token));
    CHECK(enrol(code, sv::new_uuid())->status == 200);

    // The tablet itself, showing its token, is enrolled again with any new code.
    auto again = enrol(hub.enrolment_code(), tablet, token);
    REQUIRE(again->status == 200);
    const std::string second_token = sv::parse_enrol_reply(again->body).value().token;
    CHECK_FALSE(works(token));
    CHECK(works(second_token));

    // A tablet that lost its token: the organiser issues a code for its id, which no other id can use.
    const std::string for_tablet = hub.enrolment_code(tablet);
    CHECK(enrol(for_tablet, sv::new_uuid())->status == 403);
    auto restored = enrol(for_tablet, tablet);
    REQUIRE(restored->status == 200);
    CHECK_FALSE(works(second_token));
    CHECK(works(sv::parse_enrol_reply(restored->body).value().token));

    // A new device whose reply was lost tries again with the same code, and gets in.
    const std::string retried = hub.enrolment_code();
    const std::string newcomer = sv::new_uuid();
    REQUIRE(enrol(retried, newcomer)->status == 200);
    CHECK(enrol(retried, newcomer)->status == 200);
    CHECK(enrol(retried, sv::new_uuid())->status == 403);

    std::string output;
    CHECK(run_program({STREETVOICE_HUB_BINARY, "enrol-code", "--db", hub.db(), "--for-device", "kiosk-1"}, output) ==
          2);
    CHECK_THAT(output, Catch::Contains("--for-device takes a device id"));
}

TEST_CASE("hub: a tablet enrolled for one campaign is sent only that one and may answer no other") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    auto client = hub.client();
    const std::string device = sv::new_uuid();
    auto enrolled = client.Post(
        sv::api_path::enrol, sv::enrol_request_json({hub.enrolment_code("", {"demo-riverside-budget-2026"}), device}),
        "application/json");
    REQUIRE(enrolled);
    REQUIRE(enrolled->status == 200);
    const std::string token = sv::parse_enrol_reply(enrolled->body).value().token;

    auto listed = client.Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}});
    REQUIRE(listed);
    REQUIRE(listed->status == 200);
    auto campaigns = sv::parse_campaigns(listed->body);
    REQUIRE(campaigns.ok());
    REQUIRE(campaigns.value().campaigns.size() == 1);
    CHECK(campaigns.value().campaigns[0].id == "demo-riverside-budget-2026");

    const sv::ResponseBatch batch{{ballot_response(device, {0}), place_response(device)}};
    auto res = upload(hub, token, batch);
    CHECK(verdicts(res, batch) == std::vector<sv::Verdict>{sv::Verdict::accepted, sv::Verdict::rejected});
    CHECK_THAT(sv::parse_reply(res->body, batch).value().results[1].reason,
               Catch::Contains("not enrolled for campaign \"demo-riverside-2026\""));
    // A device enrolled with a code naming no campaign gets every one, as before.
    const auto [any_device, any_token] = hub.enrol();
    auto all = client.Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + any_token}});
    REQUIRE(all);
    CHECK(sv::parse_campaigns(all->body).value().campaigns.size() == 2);

    std::string output;
    CHECK(run_program({STREETVOICE_HUB_BINARY, "enrol-code", "--db", hub.db(), "--campaign", "demo-riverside-2062"},
                      output) == 2);
    CHECK_THAT(output, Catch::Contains("no campaign called \"demo-riverside-2062\" is published on this hub"));
}

TEST_CASE("hub: only events a stored response names are kept, and a device time must be a time") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const auto [device, token] = hub.enrol();
    sv::ResponseBatch batch{{place_response(device)}};
    const std::string stall = batch.responses[0].event_id;
    batch.events.push_back({stall, "Tesco, Bridge Street", "Riverside", "2026-11-22T09:00:00Z"});
    // Hundreds of events nobody answered at: a device filling the hub's event table.
    for (int i = 0; i < 499; ++i) batch.events.push_back({sv::new_uuid(), "Nowhere", "None", "2026-11-22T09:00:00Z"});
    // A device time that would be written into the .pb's dates as sent.
    sv::Response odd_time = place_response(device);
    odd_time.device_time = "2026-11-22;\nvotes";
    batch.responses.push_back(odd_time);
    auto res = upload(hub, token, batch);
    CHECK(verdicts(res, batch) == std::vector<sv::Verdict>{sv::Verdict::accepted, sv::Verdict::rejected});
    CHECK_THAT(sv::parse_reply(res->body, batch).value().results[1].reason,
               Catch::Contains("device time is not a UTC time"));
    auto store = sv::open_hub_store(hub.db());
    REQUIRE(store.ok());
    auto events = store.value()->events();
    REQUIRE(events.ok());
    REQUIRE(events.value().size() == 1);
    CHECK(events.value()[0].event_id == stall);
    CHECK(events.value()[0].place == "Tesco, Bridge Street");
}

TEST_CASE("hub: published campaigns come with an ETag, and asking again with it costs nothing") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const auto [device, token] = hub.enrol();
    auto client = hub.client();
    auto first = client.Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}});
    REQUIRE(first);
    REQUIRE(first->status == 200);
    auto published = sv::parse_campaigns(first->body);
    REQUIRE(published.ok());
    CHECK(published.value().campaigns.size() == 2);
    const std::string etag = first->get_header_value("ETag");
    CHECK_FALSE(etag.empty());
    auto again = client.Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}, {"If-None-Match", etag}});
    REQUIRE(again);
    CHECK(again->status == 304);
    CHECK(again->body.empty());
    CHECK(client.Get(sv::api_path::campaigns)->status == 401);
}

TEST_CASE("hub: plain HTTP is refused anywhere but loopback") {
    sv::test::TempFolder folder;
    std::string output;
    CHECK(run_program(
              {STREETVOICE_HUB_BINARY, "serve", "--db", "sqlite:" + folder.file("hub.sqlite"), "--listen", "0.0.0.0:0"},
              output) == 2);
    CHECK_THAT(output, Catch::Contains("Plain HTTP is only allowed on 127.0.0.1"));
}

TEST_CASE("hub: a settings file gives the database and address to every command, as the installed service uses it") {
    sv::test::TempFolder folder;
    const std::string config = folder.file("hub.conf");
    sv::test::write_file(config, "# as /etc/streetvoice/hub.conf\ndb = \"sqlite:" + folder.file("hub.sqlite") +
                                     "\"\nlisten = \"127.0.0.1:0\"\n");
    std::string output;
    // A command that is not "serve" runs as asked (settings never start the server by themselves).
    REQUIRE(run_program({STREETVOICE_HUB_BINARY, "--config", config, "enrol-code"}, output) == 0);
    CHECK(output.size() == 12);  // XXXXX-XXXXX and a newline
    REQUIRE(run_program({STREETVOICE_HUB_BINARY, "--config", config, "publish", STREETVOICE_DEMO_CAMPAIGN}, output) ==
            0);
    CHECK_THAT(output, Catch::Contains("published campaign demo-riverside-2026"));
    // The command line still wins over the file.
    REQUIRE(run_program({STREETVOICE_HUB_BINARY, "--config", config, "enrol-code", "--db",
                         "sqlite:" + folder.file("other.sqlite")},
                        output) == 0);
    CHECK(std::filesystem::exists(folder.file("other.sqlite")));
    // Without a database anywhere: a plain message, exit 2.
    CHECK(run_program({STREETVOICE_HUB_BINARY, "enrol-code"}, output) == 2);
    CHECK_THAT(output, Catch::Contains("say which database to use"));
}

TEST_CASE("hub: a database the first release made is brought up to date, with its responses intact") {
    sv::test::TempFolder folder;
    const std::string file = folder.file("old-hub.sqlite");
    {
        std::ifstream in(STREETVOICE_HUB_SCHEMA_1_FIXTURE);
        std::stringstream sql;
        sql << in.rdbuf();
        sqlite3* db = nullptr;
        REQUIRE(sqlite3_open(file.c_str(), &db) == SQLITE_OK);
        const int rc = sqlite3_exec(db, sql.str().c_str(), nullptr, nullptr, nullptr);
        sqlite3_close(db);
        REQUIRE(rc == SQLITE_OK);
    }
    auto store = sv::open_hub_store("sqlite:" + file);
    REQUIRE(store.ok());
    auto responses = store.value()->responses_of_campaign("old-campaign");
    REQUIRE(responses.ok());
    REQUIRE(responses.value().size() == 1);
    CHECK(responses.value()[0].fingerprint == "fingerprint-1");
    auto device = store.value()->device_for_token("a-token-hash");
    REQUIRE(device.ok());
    REQUIRE(device.value());
    CHECK(device.value()->device_id == "kiosk-1");
    CHECK(device.value()->campaigns.empty());  // enrolled before campaigns were named: every one
    // What later versions added works on it.
    CHECK(store.value()->events().value().empty());
    REQUIRE(store.value()->save_organiser({"sam", "a-hash", ""}).ok());
    REQUIRE(
        store.value()->add_outcome_note({0, "old-campaign", "", "said", "did", "sam", "2026-11-23T10:00:00Z"}).ok());
    CHECK(store.value()->outcome_notes("old-campaign").value().size() == 1);
    store.value().reset();
    // Opened again: nothing migrates twice.
    auto again = sv::open_hub_store("sqlite:" + file);
    REQUIRE(again.ok());
    CHECK(again.value()->outcome_notes("").value().size() == 1);
    CHECK(again.value()->response_count().value() == 1);
}

TEST_CASE("hub: an access log line shows a hostile path escaped on one line and cut short") {
    sv::AccessRecord record;
    record.method = "GET";
    record.path = "/x\n2026-01-01T00:00:00Z 10.0.0.1 \"POST /api/v1/enrol\" 200\x1b[2J" + std::string(1000, 'a');
    record.client_address = "127.0.0.1";
    record.status = 404;
    record.took = std::chrono::microseconds(2500);
    const std::string line = sv::access_log_line(record, "2026-05-16T10:00:00Z");
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.find('\x1b') == std::string::npos);
    CHECK_THAT(line, Catch::StartsWith("2026-05-16T10:00:00Z 127.0.0.1 \"GET /x\\x0a2026-01-01T00:00:00Z 10.0.0.1 "
                                       "\\x22POST /api/v1/enrol\\x22 200\\x1b[2Jaaa"));
    CHECK_THAT(line, Catch::EndsWith("aaa...\" 404 2.5ms"));
    CHECK(line.size() < 300);
}

TEST_CASE("hub: the access log has a line per request with who asked and what came of it, never a secret") {
    sv::test::TempFolder folder;
    const std::string log_file = folder.file("access.log");
    RunningHub hub("", {"--access-log", log_file});
    const std::string code = hub.enrolment_code();
    const std::string device = sv::new_uuid();
    auto enrolled = hub.client().Post(sv::api_path::enrol, sv::enrol_request_json({code, device}), "application/json");
    REQUIRE(enrolled);
    REQUIRE(enrolled->status == 200);
    const std::string token = sv::parse_enrol_reply(enrolled->body).value().token;
    const sv::ResponseBatch batch{{place_response(device), place_response(device)}};
    REQUIRE(upload(hub, token, batch)->status == 200);
    REQUIRE(upload(hub, "not-a-token", batch)->status == 401);
    REQUIRE(hub.client().Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}})->status == 200);
    hub.add_organiser("sam", "correct horse battery staple");
    sv::test::DashboardVisitor sam(hub);
    REQUIRE(sam.log_in("sam", "correct horse battery staple"));
    REQUIRE(sam.get("/dashboard/campaigns%0Aforged line"));
    REQUIRE(hub.terminate() == 0);  // every answered request is written by then

    std::ifstream in(log_file);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    const auto line_with = [&lines](const std::string& text) {
        for (const auto& line : lines)
            if (line.find(text) != std::string::npos) return line;
        return std::string();
    };
    INFO([&lines] {
        std::string all;
        for (const auto& line : lines) all += line + "\n";
        return all;
    }());
    CHECK(lines.size() >= 7);
    CHECK_THAT(line_with("\"POST /api/v1/devices:enrol\""),
               Catch::Contains(" 200 ") && Catch::Contains("device " + device));
    CHECK_THAT(
        line_with("\"POST /api/v1/responses:batch\" 200"),
        Catch::Contains("device " + device) && Catch::Contains("\"2 responses: 2 new, 0 already here, 0 refused\""));
    CHECK_THAT(line_with("\"POST /api/v1/responses:batch\" 401"), Catch::Contains("token is not known here"));
    CHECK_THAT(line_with("\"GET /api/v1/campaigns\""), Catch::Contains("campaigns\""));
    CHECK_THAT(line_with("\"POST /dashboard/login\""), Catch::Contains("organiser sam \"logged in\""));
    CHECK_THAT(line_with("forged line"), Catch::Contains("\\x0aforged line"));
    for (const auto& line : lines) {
        CHECK(line.rfind("20", 0) == 0);  // each line starts with its time: none was split
        CHECK(line.find(token) == std::string::npos);
        CHECK(line.find(code) == std::string::npos);
        CHECK(line.find("correct horse") == std::string::npos);
    }
}

TEST_CASE("hub: a campaign's pictures are published with it and served to enrolled devices by content") {
    sv::test::HubOnStore on_store(GENERATE(as<std::string>{}, "sqlite", "postgresql"));
    const RunningHub& hub = on_store.hub;
    const auto [device, token] = hub.enrol();
    auto res = hub.client().Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}});
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto published = sv::parse_campaigns(res->body);
    REQUIRE(published.ok());
    const sv::PublishedCampaign* riverside = nullptr;
    for (const auto& c : published.value().campaigns)
        if (c.id == "demo-riverside-budget-2026") riverside = &c;
    REQUIRE(riverside);
    REQUIRE(riverside->pictures.size() == 4);
    for (const auto& picture : riverside->pictures) {
        INFO(picture.path);
        const std::string on_disk = sv::test::read_file(
            (std::filesystem::path(STREETVOICE_DEMO_BUDGET_CAMPAIGN).parent_path() / picture.path).string());
        CHECK(picture.sha256 == sv::sha256_hex(on_disk));
        CHECK(picture.size == static_cast<std::int64_t>(on_disk.size()));
        auto served = hub.client().Get(sv::api_path::pictures + picture.sha256, {{"Authorization", "Bearer " + token}});
        REQUIRE(served);
        CHECK(served->status == 200);
        CHECK(served->body == on_disk);
        // Only to enrolled devices.
        auto stranger = hub.client().Get(sv::api_path::pictures + picture.sha256);
        REQUIRE(stranger);
        CHECK(stranger->status == 401);
    }
    auto unknown =
        hub.client().Get(sv::api_path::pictures + std::string(64, 'a'), {{"Authorization", "Bearer " + token}});
    REQUIRE(unknown);
    CHECK(unknown->status == 404);
    auto not_a_hash = hub.client().Get(std::string(sv::api_path::pictures) + "..%2F..%2Fhub.sqlite",
                                       {{"Authorization", "Bearer " + token}});
    REQUIRE(not_a_hash);
    CHECK(not_a_hash->status == 404);
}

TEST_CASE("hub: publishing a campaign whose picture is missing says which, and publishes nothing") {
    RunningHub hub;
    sv::test::TempFolder folder;
    auto doc = nlohmann::json::parse(sv::test::read_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN));
    doc["version"] = doc["version"].get<int>() + 1;
    sv::test::write_file(folder.file("campaign.json"), doc.dump(2));  // no pictures folder beside it
    std::string output;
    CHECK(sv::test::run_program({STREETVOICE_HUB_BINARY, "publish", "--db", hub.db(), folder.file("campaign.json")},
                                output) == 2);
    CHECK_THAT(output, Catch::Contains("the picture \"pictures/river-benches.png\" for the project \"river-benches\" "
                                       "is not in the campaign's folder"));
    const auto [device, token] = hub.enrol();
    auto res = hub.client().Get(sv::api_path::campaigns, {{"Authorization", "Bearer " + token}});
    REQUIRE(res);
    const auto listed = sv::parse_campaigns(res->body);
    REQUIRE(listed.ok());
    for (const auto& c : listed.value().campaigns)
        if (c.id == doc["id"]) CHECK(c.version != doc["version"].get<int>());
}

TEST_CASE("hub: a backup that cannot be written in full, or asked of a terminal, says so and exits non-zero") {
    RunningHub hub;
    std::string output;
    const std::string command = std::string(STREETVOICE_HUB_BINARY) + " --db '" + hub.db() + "' backup";
    CHECK(sv::test::run_program({"/bin/sh", "-c", command + " > /dev/full"}, output) == 3);
    CHECK_THAT(output, Catch::Contains("The backup was not written in full") && Catch::Contains("do not keep it"));
    // Nothing on standard input: refused in words, nothing changed.
    CHECK(sv::test::run_program(
              {"/bin/sh", "-c", std::string(STREETVOICE_HUB_BINARY) + " --db '" + hub.db() + "' restore < /dev/null"},
              output) == 3);
    CHECK_THAT(output, Catch::Contains("nothing was restored: That is not a hub backup"));
    // A backup cut short is refused before anything is read from it.
    sv::test::TempFolder folder;
    const std::string whole = folder.file("hub.sqlite");
    REQUIRE(sv::test::run_program({"/bin/sh", "-c", command + " > '" + whole + "'"}, output) == 0);
    CHECK(sv::test::run_program(
              {"/bin/sh", "-c",
               "head -c 8192 '" + whole + "' | " + STREETVOICE_HUB_BINARY + " --db '" + hub.db() + "' restore"},
              output) == 3);
    CHECK_THAT(output, Catch::Contains("it is cut short"));
}

TEST_CASE("hub: a response whose answers did not arrive as an object is refused alone, and the rest are kept") {
    RunningHub hub;
    const auto [device, token] = hub.enrol();
    sv::Response damaged = place_response(device);
    damaged.payload = "{\"ratings\": [1, 2";  // cut short on the tablet's disk: sent as null
    const sv::ResponseBatch batch{{place_response(device), damaged, place_response(device)}};
    auto res = upload(hub, token, batch);
    CHECK(verdicts(res, batch) ==
          std::vector<sv::Verdict>{sv::Verdict::accepted, sv::Verdict::rejected, sv::Verdict::accepted});
    CHECK_THAT(res->body, Catch::Contains("did not arrive as a JSON object"));
    CHECK(hub.exported_rows("demo-riverside-2026").size() == 2);
}
