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
#include "running_hub.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

namespace {

// Sends raw bytes on a fresh connection; returns what came back before the hub closed it.
// `then_hang_up`: close our side at once (for bytes whose framing may be broken, so the hub
// is not left waiting for the rest); the hub then sees a client gone and need not answer.
std::string raw_exchange(int port, const std::string& bytes, bool then_hang_up) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    timeval wait{5, 0};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &wait, sizeof wait);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string reply;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0) {
        ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL);
        if (then_hang_up) ::shutdown(fd, SHUT_WR);
        char chunk[4096];
        ssize_t n;
        while ((n = ::recv(fd, chunk, sizeof chunk, 0)) > 0) reply.append(chunk, static_cast<std::size_t>(n));
    }
    ::close(fd);
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
        if (!body.empty()) CHECK_FALSE(sv::error_message_of(body).empty());
    }
    WARN(answered << " of 3000 damaged requests answered over HTTP; " << receipts << " were still valid batches");
    // Still serving, and a proper batch still goes in.
    auto res =
        hub.client().Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, good_batch, "application/json");
    REQUIRE(res);
    CHECK(res->status == 200);
    CHECK(sv::parse_reply(res->body, batch).ok());
}
