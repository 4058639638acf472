#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <random>

#include "ballot_chain.hpp"
#include "gzip_body.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

using namespace sv;

namespace {

Response sample_response() {
    return {new_uuid(),
            "demo-riverside-2026",
            1,
            "place",
            new_uuid(),
            new_uuid(),
            "2026-11-22T10:00:00Z",
            R"({"ratings":[1,2,3],"comment":"más \"quotes\""})"};
}

}  // namespace

TEST_CASE("a batch and its reply go through the wire unchanged") {
    ResponseBatch batch{{sample_response(), sample_response()}};
    auto read = parse_batch(batch_json(batch));
    REQUIRE(read.ok());
    REQUIRE(read.value().responses.size() == 2);
    CHECK(sv::response_fingerprint(read.value().responses[0]) == sv::response_fingerprint(batch.responses[0]));
    // The payload travels as JSON, so its keys may come back in another order: same content.
    CHECK(sv::response_fingerprint(read.value().responses[1]) == sv::response_fingerprint(batch.responses[1]));
    CHECK(nlohmann::json::parse(read.value().responses[1].payload) ==
          nlohmann::json::parse(batch.responses[1].payload));

    BatchReply reply{{{batch.responses[0].uuid, Verdict::accepted, ""},
                      {batch.responses[1].uuid, Verdict::rejected, "The ballot breaks the vote's rules."}}};
    auto back = parse_reply(reply_json(reply), batch);
    REQUIRE(back.ok());
    CHECK(back.value().results[1].verdict == Verdict::rejected);
    CHECK(back.value().results[1].reason == "The ballot breaks the vote's rules.");
}

TEST_CASE("a reply that does not name exactly what was sent acknowledges nothing") {
    ResponseBatch batch{{sample_response(), sample_response()}};
    const std::string a = batch.responses[0].uuid, b = batch.responses[1].uuid;
    auto reply_for = [](std::vector<std::pair<std::string, const char*>> items) {
        BatchReply r;
        for (auto& [uuid, status] : items)
            r.results.push_back({uuid, std::string(status) == "accepted" ? Verdict::accepted : Verdict::duplicate, ""});
        return reply_json(r);
    };
    CHECK(parse_reply(reply_for({{a, "accepted"}, {b, "duplicate"}}), batch).ok());
    CHECK_THAT(parse_reply(reply_for({{a, "accepted"}}), batch).error().message, Catch::Contains("leaves out 1"));
    CHECK_THAT(parse_reply(reply_for({{a, "accepted"}, {a, "accepted"}, {b, "accepted"}}), batch).error().message,
               Catch::Contains("named twice"));
    CHECK_THAT(
        parse_reply(reply_for({{a, "accepted"}, {b, "accepted"}, {new_uuid(), "accepted"}}), batch).error().message,
        Catch::Contains("was not sent"));
    // A supermarket's Wi-Fi login page, answered with 200.
    CHECK_THAT(parse_reply("<html><body>Welcome! Log in to use free Wi-Fi</body></html>", batch).error().message,
               Catch::Contains("not valid JSON"));
    CHECK_FALSE(parse_reply(R"({"protocol":1,"results":[{"uuid":")" + a + R"(","status":"maybe"}]})", batch).ok());
    CHECK_FALSE(parse_reply(R"({"protocol":2,"results":[]})", batch).ok());
    const std::string whole = reply_for({{a, "accepted"}, {b, "accepted"}});
    for (std::size_t cut = 0; cut < whole.size(); ++cut) CHECK_FALSE(parse_reply(whole.substr(0, cut), batch).ok());
}

TEST_CASE("a malformed batch is refused in plain words") {
    auto problem = [](const std::string& body) {
        auto read = parse_batch(body);
        return read.ok() ? std::string("(accepted)") : read.error().message;
    };
    const std::string good = batch_json({{sample_response()}});
    CHECK(problem(good) == "(accepted)");
    CHECK_THAT(problem("{"), Catch::Contains("not valid JSON"));
    CHECK_THAT(problem("[]"), Catch::Contains("not a JSON object"));
    CHECK_THAT(problem(R"({"responses":[]})"), Catch::Contains("protocol version"));
    CHECK_THAT(problem(R"({"protocol":1,"responses":[]})"), Catch::Contains("no responses"));
    std::string no_uuid = good;
    no_uuid.replace(no_uuid.find("\"uuid\""), 6, "\"uuid_\"");
    CHECK_THAT(problem(no_uuid), Catch::Contains("\"uuid\" is missing"));
    auto twice = ResponseBatch{{sample_response()}};
    twice.responses.push_back(twice.responses[0]);
    CHECK_THAT(problem(batch_json(twice)), Catch::Contains("twice"));
    ResponseBatch big;
    for (std::size_t i = 0; i <= kMostResponsesPerBatch; ++i) big.responses.push_back(sample_response());
    CHECK_THAT(problem(batch_json(big)), Catch::Contains("send at most 500"));
}

TEST_CASE("random damage to a batch or a reply never crashes the parsers") {
    ResponseBatch batch{{sample_response(), sample_response(), sample_response()}};
    const std::string bodies[] = {batch_json(batch),
                                  reply_json({{{batch.responses[0].uuid, Verdict::accepted, ""},
                                               {batch.responses[1].uuid, Verdict::duplicate, ""},
                                               {batch.responses[2].uuid, Verdict::rejected, "no"}}})};
    std::mt19937 random(7);
    for (int round = 0; round < 20000; ++round) {
        std::string body = bodies[round % 2];
        for (int edits = 1 + static_cast<int>(random() % 4); edits > 0; --edits) {
            const std::size_t at = random() % body.size();
            switch (random() % 3) {
                case 0: body[at] = static_cast<char>(random() % 256); break;
                case 1: body.erase(at, 1 + random() % 8); break;
                default: body.insert(at, 1, "{}[]\",:0\\"[random() % 10]); break;
            }
            if (body.empty()) body = "x";
        }
        auto b = parse_batch(body);
        auto r = parse_reply(body, batch);
        CHECK((b.ok() || !b.error().message.empty()));
        CHECK((r.ok() || !r.error().message.empty()));
    }
}

TEST_CASE("gzip bodies round-trip and a gzip bomb is stopped at the limit") {
    const std::string text = batch_json({{sample_response(), sample_response()}});
    const std::string packed = gzip_compress(text);
    CHECK(packed.size() < text.size());
    CHECK(gzip_inflate(packed, 1 << 20).value() == text);
    const std::string bomb = gzip_compress(std::string(50 * 1024 * 1024, ' '));
    CHECK(bomb.size() < 100 * 1024);
    CHECK_THAT(gzip_inflate(bomb, kLargestBodyBytes).error().message, Catch::Contains("unpacks to more than"));
    CHECK_FALSE(gzip_inflate("not gzip at all", 1 << 20).ok());
    CHECK_FALSE(gzip_inflate(packed.substr(0, packed.size() / 2), 1 << 20).ok());
}

TEST_CASE("a batch names the stalls its responses were collected at") {
    ResponseBatch batch{{sample_response()}};
    batch.events.push_back({batch.responses[0].event_id, "Tesco, Bridge Street", "Riverside", "2026-11-22T09:00:00Z"});
    auto read = parse_batch(batch_json(batch));
    REQUIRE(read.ok());
    REQUIRE(read.value().events.size() == 1);
    CHECK(read.value().events[0].place == "Tesco, Bridge Street");
    CHECK(read.value().events[0].ward == "Riverside");
    // An older kiosk sends no events at all; that is still a good batch.
    auto plain = nlohmann::json::parse(batch_json(batch));
    plain.erase("events");
    CHECK(parse_batch(plain.dump()).ok());
    plain["events"] = {{{"id", "e1"}, {"started_at", "2026-11-22T09:00:00Z"}, {"place", std::string(201, 'x')}}};
    auto too_long = parse_batch(plain.dump());
    REQUIRE_FALSE(too_long.ok());
    CHECK_THAT(too_long.error().message, Catch::Contains("event 1: \"place\" is longer than 200 characters"));
}

TEST_CASE("campaign updates carry the hub's \"you said, we did\", and broken notes are refused") {
    PublishedCampaigns published;
    published.campaigns.push_back({"demo-riverside-2026", 2, R"({"id":"demo-riverside-2026"})", {}, {}, {}});
    published.campaigns[0].outcome_notes = {{"Riverside", "The path floods.", "Drains went in."},
                                            {"", "Buses stop early.", "Later buses from May."}};
    auto read = parse_campaigns(campaigns_json(published));
    REQUIRE(read.ok());
    const auto& notes = read.value().campaigns.at(0).outcome_notes;
    REQUIRE(notes.size() == 2);
    CHECK(notes[0].ward == "Riverside");
    CHECK(notes[1].ward.empty());
    CHECK(notes[1].did == "Later buses from May.");

    auto doc = nlohmann::json::parse(campaigns_json(published));
    doc["campaigns"][0].erase("outcome_notes");  // an older hub
    auto older = parse_campaigns(doc.dump());
    REQUIRE(older.ok());
    CHECK(older.value().campaigns[0].outcome_notes.empty());

    const std::pair<nlohmann::json, const char*> broken[] = {
        {"not a list", "is not a list"},
        {nlohmann::json::array({{{"ward", ""}, {"said", ""}, {"did", "x"}}}), "\"said\" must be 1 to"},
        {nlohmann::json::array({{{"said", "x"}, {"did", 7}}}), "\"did\" is missing or not text"},
        {nlohmann::json::array({{{"said", "x"}, {"did", std::string(kLongestOutcomeText + 1, 'y')}}}),
         "\"did\" must be 1 to"},
        {nlohmann::json::array({"a note"}), "not a JSON object"},
        {nlohmann::json(std::vector<nlohmann::json>(kMostOutcomeNotesPerCampaign + 1, {{"said", "x"}, {"did", "y"}})),
         "at most"},
    };
    for (const auto& [notes_sent, problem] : broken) {
        doc["campaigns"][0]["outcome_notes"] = notes_sent;
        auto refused = parse_campaigns(doc.dump());
        INFO(notes_sent.dump().substr(0, 80));
        REQUIRE_FALSE(refused.ok());
        CHECK_THAT(refused.error().message, Catch::Contains(problem));
    }
}

TEST_CASE("a published campaign's version is a whole number a campaign file could have") {
    PublishedCampaigns published;
    published.campaigns.push_back({"demo-riverside-2026", 2, R"({"id":"demo-riverside-2026"})", {}, {}, {}});
    auto doc = nlohmann::json::parse(campaigns_json(published));
    for (const nlohmann::json& version :
         {nlohmann::json(0), nlohmann::json(-3), nlohmann::json(4294967298LL), nlohmann::json(18446744073709551615ULL),
          nlohmann::json(2.5), nlohmann::json("2")}) {
        doc["campaigns"][0]["version"] = version;
        auto refused = parse_campaigns(doc.dump());
        INFO(version.dump());
        REQUIRE_FALSE(refused.ok());
        CHECK_THAT(refused.error().message, Catch::Contains("demo-riverside-2026 has no version number"));
    }
    doc["campaigns"][0]["version"] = 1000000000;
    CHECK(parse_campaigns(doc.dump()).value().campaigns.at(0).version == 1000000000);
}

TEST_CASE("a hub's holdings and a check of them go through the wire, within their limits") {
    HoldingsRequest request{{{"demo-riverside-2026", 12, 2, 1}, {"demo-riverside-budget-2026", 4, 0, 0}}};
    auto read = parse_holdings_request(holdings_request_json(request));
    REQUIRE(read.ok());
    REQUIRE(read.value().on_tablet.size() == 2);
    CHECK(read.value().on_tablet[0].answers == 12);
    CHECK(read.value().on_tablet[0].waiting == 2);
    CHECK(read.value().on_tablet[0].refused == 1);

    const std::vector<std::string> uuids{new_uuid(), new_uuid(), new_uuid()};
    const Holdings holdings{3, holdings_digest(uuids)};
    auto held = parse_holdings(holdings_json(holdings));
    REQUIRE(held.ok());
    CHECK(held.value().responses == 3);
    // The digest does not hang on the order either side reads its UUIDs in.
    CHECK(held.value().digest == holdings_digest({uuids[2], uuids[0], uuids[1]}));
    CHECK(held.value().digest != holdings_digest({uuids[0], uuids[1]}));

    const HoldingsCheck check{uuids};
    auto asked = parse_holdings_check(holdings_check_json(check));
    REQUIRE(asked.ok());
    CHECK(asked.value().uuids == uuids);
    auto missing = parse_holdings_check_reply(holdings_check_reply_json({{uuids[1]}}), check);
    REQUIRE(missing.ok());
    CHECK(missing.value().missing == std::vector<std::string>{uuids[1]});
}

TEST_CASE("broken or hostile holdings messages are refused in plain words") {
    const auto refused = [](const Result<HoldingsRequest>& r) { return !r.ok(); };
    CHECK(refused(parse_holdings_request(R"({"protocol":1})")));
    CHECK(refused(parse_holdings_request(
        R"({"protocol":1,"on_tablet":[{"campaign_id":"a","answers":1,"waiting":2,"refused":0}]})")));
    CHECK(refused(parse_holdings_request(
        R"({"protocol":1,"on_tablet":[{"campaign_id":"a","answers":-1,"waiting":0,"refused":0}]})")));
    CHECK(refused(
        parse_holdings_request(R"({"protocol":1,"on_tablet":[{"campaign_id":"a","answers":1,"waiting":0,"refused":0},)"
                               R"({"campaign_id":"a","answers":1,"waiting":0,"refused":0}]})")));
    nlohmann::json many = nlohmann::json::array();
    for (std::size_t i = 0; i <= kMostTabletCounts; ++i)
        many.push_back({{"campaign_id", "c" + std::to_string(i)}, {"answers", 1}, {"waiting", 0}, {"refused", 0}});
    auto too_many = parse_holdings_request(nlohmann::json{{"protocol", 1}, {"on_tablet", many}}.dump());
    REQUIRE_FALSE(too_many.ok());
    CHECK_THAT(too_many.error().message, Catch::Contains("at most 200 campaigns"));

    CHECK_FALSE(parse_holdings(R"({"protocol":1,"responses":3,"digest":"not a hash"})").ok());
    CHECK_FALSE(parse_holdings("<html>Welcome to Supermarket Wi-Fi</html>").ok());

    std::vector<std::string> lots(kMostUuidsPerCheck + 1);
    for (auto& u : lots) u = new_uuid();
    auto too_long = parse_holdings_check(holdings_check_json({lots}));
    REQUIRE_FALSE(too_long.ok());
    CHECK_THAT(too_long.error().message, Catch::Contains("at most 1000 UUIDs"));
    CHECK_FALSE(parse_holdings_check(R"({"protocol":1,"uuids":["x"]})").ok());
    const std::string one = new_uuid();
    CHECK_FALSE(parse_holdings_check(holdings_check_json({{one, one}})).ok());

    // A reply naming what was not asked about acknowledges nothing.
    const HoldingsCheck asked{{one}};
    auto stray = parse_holdings_check_reply(holdings_check_reply_json({{new_uuid()}}), asked);
    REQUIRE_FALSE(stray.ok());
    CHECK_THAT(stray.error().message, Catch::Contains("which was not asked about"));
}

TEST_CASE("a batch carries each payload as the JSON it is, and one that does not read as null") {
    Response good = sample_response();
    good.payload = R"({ "ratings" : [1, 2, 3], "comment": "line\nbreak \"quoted\" \u00e9" })";
    Response broken = sample_response();
    broken.payload = R"({"ratings": [1, 2)";  // cut short on the tablet's disk
    const ResponseBatch batch{{good, broken},
                              {{"event-1", "Tesco, \"Bridge\" Street", "Riverside", "2026-11-22T09:00:00Z"}}};
    const std::string body = batch_json(batch);
    const auto doc = nlohmann::json::parse(body);  // the whole body is JSON
    CHECK(doc["responses"][0]["payload"] == nlohmann::json::parse(good.payload));
    CHECK(doc["responses"][1]["payload"].is_null());
    CHECK(doc["events"][0]["place"] == "Tesco, \"Bridge\" Street");
    // The batch still reads: the damaged one comes with an empty payload, for the hub to refuse
    // alone; the good one reads back unchanged.
    auto read = parse_batch(body);
    REQUIRE(read.ok());
    CHECK(read.value().responses[1].payload.empty());
    CHECK(read.value().responses[1].uuid == broken.uuid);
    auto alone = parse_batch(batch_json({{good}}));
    REQUIRE(alone.ok());
    CHECK(response_fingerprint(alone.value().responses[0]) == response_fingerprint(good));
}

TEST_CASE("each response carries its place in the tablet's chain, and a damaged one reads as none") {
    // Payloads as the kiosk stores them: canonical JSON, which the hub reads back alike.
    const auto as_stored = [](Response r) {
        r.payload = nlohmann::json::parse(r.payload).dump();
        return r;
    };
    Response first = as_stored(sample_response());
    first.chain = ChainPlace{kChainStart, chain_link(kChainStart, first)};
    Response second = as_stored(sample_response());
    second.chain = ChainPlace{first.chain->link, chain_link(first.chain->link, second)};
    Response lost = sample_response();
    lost.chain = ChainPlace{};  // the answers file lost its link
    Response damaged = sample_response();
    damaged.chain = ChainPlace{"\"},\"x\":{", "not a link"};  // text put in the file by hand
    Response older = sample_response();                       // from a kiosk that keeps no chain
    const std::string body = batch_json({{first, second, lost, damaged, older}});
    const auto doc = nlohmann::json::parse(body);
    CHECK(doc["responses"][1]["chain"]["before"] == first.chain->link);
    CHECK(doc["responses"][2]["chain"].is_null());
    CHECK(doc["responses"][3]["chain"].is_null());  // never copied into the body as it was
    CHECK_FALSE(doc["responses"][4].contains("chain"));
    auto read = parse_batch(body);
    REQUIRE(read.ok());
    const auto& got = read.value().responses;
    REQUIRE(got[0].chain.has_value());
    CHECK(got[0].chain->before == kChainStart);
    CHECK(got[1].chain->link == second.chain->link);
    CHECK(got[1].chain->link == chain_link(got[1].chain->before, got[1]));  // the hub recomputes the same
    REQUIRE(got[2].chain.has_value());
    CHECK(got[2].chain->link.empty());
    CHECK(got[3].chain->link.empty());
    CHECK_FALSE(got[4].chain.has_value());
    // A hostile body's chain never refuses the batch: only the response it sits on.
    auto hostile = nlohmann::json::parse(body);
    hostile["responses"][0]["chain"] = {{"before", 7}, {"link", std::string(100000, 'a')}};
    hostile["responses"][1]["chain"] = "abc";
    auto taken = parse_batch(hostile.dump());
    REQUIRE(taken.ok());
    CHECK(taken.value().responses[0].chain->link.empty());
    CHECK(taken.value().responses[1].chain->link.empty());
}
