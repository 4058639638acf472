// Damaged and hostile requests against the real hub: it never crashes, every answer is a
// proper HTTP refusal with a plain message (or a proper receipt), and it keeps serving.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <random>

#include "demo_responses.hpp"
#include "gzip_body.hpp"
#include "loopback_connection.hpp"
#include "running_hub.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

namespace {

// An HTTP answer whose headers and Content-Length body have all arrived (the hub may keep
// the connection open for another request).
bool whole_answer(const std::string& reply) {
    const std::size_t end = reply.find("\r\n\r\n");
    if (end == std::string::npos) return false;
    const std::string head = reply.substr(0, end);
    const std::size_t length = head.find("Content-Length: ");
    if (length == std::string::npos) return false;
    return reply.size() >= end + 4 + std::stoul(head.substr(length + 16));
}

// Sends raw bytes on a fresh connection; returns what came back before the hub closed it.
// `then_hang_up`: close our side at once (for bytes whose framing may be broken); the hub
// then need not answer.
std::string raw_exchange(int port, const std::string& bytes, bool then_hang_up) {
    const int fd = sv::test::connect_to_loopback(port);
    std::string reply;
    if (fd >= 0) {
        // Bytes whose framing may be broken need no answer; the hub may wait for the rest of a
        // body it was promised until its request deadline, so the test does not wait for that.
        timeval wait{then_hang_up ? 0 : 5, then_hang_up ? 200000 : 0};
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
        ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (then_hang_up) ::shutdown(fd, SHUT_WR);
        char chunk[4096];
        ssize_t n;
        while (!whole_answer(reply) && (n = ::recv(fd, chunk, sizeof chunk, 0)) > 0)
            reply.append(chunk, static_cast<std::size_t>(n));
        ::close(fd);
    }
    return reply;
}

std::string damaged(std::string text, std::mt19937_64& random) {
    const int damages = std::uniform_int_distribution<int>(1, 6)(random);
    for (int i = 0; i < damages && !text.empty(); ++i) {
        const std::size_t at = std::uniform_int_distribution<std::size_t>(0, text.size() - 1)(random);
        switch (std::uniform_int_distribution<int>(0, 3)(random)) {
            case 0: text[at] = static_cast<char>(random()); break;
            case 1: text.resize(at); break;
            case 2: text.insert(at, std::string(1, "{}[]\",:\\0\xff"[random() % 11])); break;
            default: text.erase(at, std::uniform_int_distribution<std::size_t>(1, 40)(random)); break;
        }
    }
    return text;
}

std::string http_request(const std::string& method, const std::string& path, const std::string& token,
                         const std::string& extra_headers, const std::string& body) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
           (token.empty() ? "" : "Authorization: Bearer " + token + "\r\n") + extra_headers +
           "Content-Type: application/json\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\nConnection: close\r\n\r\n" + body;
}

}  // namespace

TEST_CASE("hub fuzz: 3,000 damaged requests get proper refusals and the hub keeps serving") {
    sv::test::RunningHub hub;
    const auto [device, token] = hub.enrol();
    sv::ResponseBatch batch;
    for (int i = 0; i < 6; ++i) {
        const auto draft = i % 2 ? sv::test::budget_draft(static_cast<std::uint64_t>(i))
                                 : sv::test::place_standard_draft(static_cast<std::uint64_t>(i));
        batch.responses.push_back({draft.uuid, draft.campaign_id, draft.campaign_version, draft.activity_id,
                                   sv::new_uuid(), device, "2026-11-22T10:00:00Z", draft.payload});
    }
    const std::string good_batch = sv::batch_json(batch);
    const std::string good_enrol = sv::enrol_request_json({"ABCDE-FGHJK", sv::new_uuid()});
    const std::string paths[] = {sv::api_path::batch, sv::api_path::enrol, sv::api_path::campaigns,        "/",
                                 "/api/v1/",          "/../../etc/passwd", "/api/v1/responses:batch?x=%00"};
    const std::string methods[] = {"POST", "GET", "PUT", "DELETE", "BREW"};

    std::mt19937_64 random(2026);
    int answered = 0, receipts = 0;
    for (int i = 0; i < 3000; ++i) {
        std::string request, method = "POST";
        const int kind = std::uniform_int_distribution<int>(0, 5)(random);
        if (kind == 0) {
            request = damaged(http_request("POST", sv::api_path::batch, token, "", good_batch), random);
        } else if (kind == 1) {
            request = http_request("POST", sv::api_path::batch, token, "", damaged(good_batch, random));
        } else if (kind == 2) {
            request = http_request("POST", sv::api_path::batch, token, "Content-Encoding: gzip\r\n",
                                   damaged(sv::gzip_compress(good_batch), random));
        } else if (kind == 3) {
            request = http_request("POST", sv::api_path::enrol, "", "", damaged(good_enrol, random));
        } else if (kind == 4) {
            method = methods[random() % 5];
            request =
                http_request(method, paths[random() % 7], random() % 2 ? token : "", "", damaged(good_batch, random));
        } else {
            request.resize(std::uniform_int_distribution<std::size_t>(1, 2000)(random));
            for (char& c : request) c = static_cast<char>(random());
        }
        // The HTTP library answers a method it does not know at once, then reads the body as
        // the next request until its read timeout: hanging up spares the test that wait.
        const bool framed = kind >= 1 && kind <= 4 && method != "BREW";
        const std::string reply = raw_exchange(hub.port(), request, !framed);
        if (framed) CHECK_FALSE(reply.empty());
        if (reply.empty()) continue;  // closing on bytes that are not HTTP is a fair answer
        ++answered;
        INFO("request " << i << " got: " << reply.substr(0, 300));
        REQUIRE(reply.rfind("HTTP/1.1 ", 0) == 0);
        const int status = std::stoi(reply.substr(9, 3));
        const std::string body = reply.substr(reply.find("\r\n\r\n") + 4);
        if (status == 200) {
            if (body.find("\"results\"") != std::string::npos) ++receipts;
            continue;
        }
        if (status == 303) {  // "/" sends a browser on to the dashboard; nothing else may
            CHECK(reply.find("Location: /dashboard\r\n") != std::string::npos);
            continue;
        }
        CHECK(status >= 400);
        CHECK(status < 500);
        // Broken HTTP is refused by the server's front with its own short page; everything the
        // hub itself answers says what was wrong in its JSON.
        const bool broken_http = (status == 400 || status == 413 || status == 414 || status == 431) &&
                                 body.find("<html><head><title>") != std::string::npos;
        if (!body.empty() && !broken_http) CHECK_FALSE(sv::error_message_of(body).empty());
    }
    WARN(answered << " of 3000 damaged requests answered over HTTP; " << receipts << " were still valid batches");
    // Still serving, and a proper batch still goes in.
    auto res =
        hub.client().Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, good_batch, "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(sv::parse_reply(res->body, batch).ok());
}

TEST_CASE("hub: a batch or enrolment nested thousands deep is refused in plain words, and the hub keeps serving") {
    sv::test::RunningHub hub;
    const auto [device, token] = hub.enrol();
    const auto draft = sv::test::place_standard_draft(1);
    sv::ResponseBatch batch;
    batch.responses.push_back({draft.uuid, draft.campaign_id, draft.campaign_version, draft.activity_id, sv::new_uuid(),
                               device, "2026-11-22T10:00:00Z", draft.payload});
    // 130 KB: 65,000 arrays inside one another in a response's payload.
    const std::string deep = std::string(65000, '[') + std::string(65000, ']');
    std::string deep_batch = sv::batch_json(batch);
    const std::string payload_key = "\"payload\":";
    deep_batch.insert(deep_batch.find(payload_key) + payload_key.size(), "{\"deep\":" + deep + ",\"was\":");
    deep_batch.insert(deep_batch.find("}", deep_batch.find("\"was\":")) + 1, "}");
    REQUIRE(sv::parse_batch(deep_batch).error().message.find("more than 32 deep") != std::string::npos);
    // An enrolment is small: one this deep is refused for its size first; a small deep one for its depth.
    const std::string large_deep_enrol =
        "{\"protocol\":" + std::to_string(sv::kProtocolVersion) + ",\"code\":" + deep + "}";
    const std::string deep_enrol = "{\"protocol\":" + std::to_string(sv::kProtocolVersion) +
                                   ",\"code\":" + std::string(1500, '[') + std::string(1500, ']') + "}";
    auto client = hub.client();
    for (int round = 0; round < 8; ++round) {
        auto refused_batch =
            client.Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, deep_batch, "application/json");
        REQUIRE(refused_batch);
        CHECK(refused_batch->status == 400);
        CHECK_THAT(sv::error_message_of(refused_batch->body), Catch::Contains("more than 32 deep"));
        auto refused_enrol = client.Post(sv::api_path::enrol, deep_enrol, "application/json");
        REQUIRE(refused_enrol);
        CHECK(refused_enrol->status == 400);
        CHECK_THAT(sv::error_message_of(refused_enrol->body), Catch::Contains("more than 32 deep"));
        auto too_large = client.Post(sv::api_path::enrol, large_deep_enrol, "application/json");
        REQUIRE(too_large);
        CHECK(too_large->status == 413);
    }
    auto res = client.Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, sv::batch_json(batch),
                           "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(sv::parse_reply(res->body, batch).ok());
}

TEST_CASE("hub: a CSV cell a spreadsheet would run as a formula is exported as text") {
    sv::test::RunningHub hub;
    const auto [device, token] = hub.enrol();
    const auto draft = sv::test::place_standard_draft(3);
    sv::ResponseBatch batch;
    batch.responses.push_back({draft.uuid, draft.campaign_id, draft.campaign_version, draft.activity_id,
                               "=HYPERLINK(\"http://example.invalid\",\"click\")", device, "2026-11-28T10:00:00Z",
                               draft.payload});
    auto res = hub.client().Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, sv::batch_json(batch),
                                 "application/json");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    REQUIRE(sv::parse_reply(res->body, batch).value().results[0].verdict == sv::Verdict::accepted);
    const auto rows = hub.exported_rows(draft.campaign_id);
    REQUIRE(rows.size() == 1);
    CHECK_THAT(rows[0], Catch::Contains(",\"'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")\","));
    CHECK_THAT(rows[0], !Catch::Contains(",=HYPERLINK") && !Catch::Contains(",\"=HYPERLINK"));
}
