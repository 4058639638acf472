// Outsiders attacking the real hub binary on 127.0.0.1: slow clients, huge or endless bodies,
// compressed bombs, walls of headers. The hub keeps answering kiosks and organisers, keeps
// its memory, and cuts the attackers off.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <thread>
#include <vector>

#include "dashboard_pages.hpp"
#include "dashboard_visitor.hpp"
#include "demo_responses.hpp"
#include "gzip_body.hpp"
#include "loopback_connection.hpp"
#include "running_hub.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

namespace {

using Clock = std::chrono::steady_clock;

bool send_all(int fd, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return false;
        sent += static_cast<std::size_t>(n);
    }
    return true;
}

// What the hub sends back within `wait_ms`, until it closes the connection.
std::string read_reply(int fd, int wait_ms) {
    std::string reply;
    const auto until = Clock::now() + std::chrono::milliseconds(wait_ms);
    while (Clock::now() < until) {
        pollfd p{fd, POLLIN, 0};
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now()).count();
        if (::poll(&p, 1, static_cast<int>(std::max<long long>(left, 1))) <= 0) break;
        char chunk[4096];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) break;
        reply.append(chunk, static_cast<std::size_t>(n));
    }
    return reply;
}

// The connection was closed by the hub (a read sees its end, or an error).
bool closed_by_hub(int fd) {
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, 0) <= 0) return false;
    char byte;
    return ::recv(fd, &byte, 1, MSG_DONTWAIT) <= 0;
}

int status_of(const std::string& reply) {
    return reply.rfind("HTTP/1.", 0) == 0 && reply.size() > 12 ? std::stoi(reply.substr(9, 3)) : 0;
}

std::string valid_batch(const std::string& device) {
    sv::ResponseBatch batch;
    const auto draft = sv::test::place_standard_draft(std::random_device{}());
    batch.responses.push_back({draft.uuid, draft.campaign_id, draft.campaign_version, draft.activity_id, sv::new_uuid(),
                               device, "2026-11-28T10:00:00Z", draft.payload});
    return sv::batch_json(batch);
}

}  // namespace

TEST_CASE("hostile: 200 slow connections neither stall kiosks nor organisers, and are cut off at the deadline") {
    sv::test::RunningHub hub;
    const auto [device, token] = hub.enrol();
    hub.add_organiser("ayesha", "a long organiser password");
    sv::test::DashboardVisitor ayesha(hub);
    REQUIRE(ayesha.log_in("ayesha", "a long organiser password")->status == 303);
    const std::string cookie = ayesha.cookie_header();

    // Each slow client starts a request and then sends one more header byte every half second.
    std::vector<int> slow;
    for (int i = 0; i < 200; ++i) {
        const int fd = sv::test::connect_to_loopback(hub.port());
        REQUIRE(fd >= 0);
        REQUIRE(send_all(fd, "POST /dashboard/login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: "));
        slow.push_back(fd);
    }
    std::atomic<bool> attacking{true};
    std::thread trickle([&] {
        while (attacking) {
            for (int fd : slow) ::send(fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            pollfd none{-1, 0, 0};
            ::poll(&none, 0, 500);  // the attacker's pace, not a wait for the hub
        }
    });

    // Meanwhile a kiosk syncs and an organiser loads pages, over and over, for 12 seconds.
    double slowest_kiosk = 0, slowest_page = 0;
    int kiosk_answers = 0, page_answers = 0;
    const auto until = Clock::now() + std::chrono::seconds(12);
    auto client = hub.client();
    client.set_read_timeout(5, 0);
    while (Clock::now() < until) {
        auto started = Clock::now();
        auto sent = client.Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}}, valid_batch(device),
                                "application/json");
        const double kiosk_seconds = std::chrono::duration<double>(Clock::now() - started).count();
        REQUIRE(sent);
        CHECK(sent->status == 200);
        ++kiosk_answers;
        slowest_kiosk = std::max(slowest_kiosk, kiosk_seconds);
        started = Clock::now();
        auto page = client.Get(sv::dashboard_path::home, {{"Cookie", cookie}});
        const double page_seconds = std::chrono::duration<double>(Clock::now() - started).count();
        REQUIRE(page);
        CHECK(page->status == 200);
        ++page_answers;
        slowest_page = std::max(slowest_page, page_seconds);
    }
    attacking = false;
    trickle.join();
    WARN("under 200 slow connections: " << kiosk_answers << " kiosk batches (slowest " << slowest_kiosk << " s), "
                                        << page_answers << " dashboard pages (slowest " << slowest_page << " s)");
    CHECK(slowest_kiosk < 2);
    CHECK(slowest_page < 2);
    // Past the 10-second deadline every slow request has been cut off.
    int cut = 0;
    for (int fd : slow) {
        if (closed_by_hub(fd) || status_of(read_reply(fd, 200)) != 0) ++cut;
        ::close(fd);
    }
    CHECK(cut == 200);
}

TEST_CASE("hostile: bodies past a route's limit are refused before they are kept, however they are framed") {
    sv::test::RunningHub hub;
    const long before = hub.memory_kb();
    SECTION("a chunked body to the login form, endless") {
        const int fd = sv::test::connect_to_loopback(hub.port());
        REQUIRE(send_all(fd,
                         "POST /dashboard/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
                         "application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"));
        const std::string chunk = "100000\r\n" + std::string(0x100000, 'a') + "\r\n";
        int sent_megabytes = 0;
        while (sent_megabytes < 800 && send_all(fd, chunk)) ++sent_megabytes;
        const std::string reply = read_reply(fd, 2000);
        ::close(fd);
        WARN("the hub stopped reading after " << sent_megabytes << " MB and answered " << status_of(reply));
        CHECK(sent_megabytes < 800);
        CHECK((status_of(reply) == 413 || reply.empty()));
    }
    SECTION("a body with a Content-Length far past the limit") {
        const int fd = sv::test::connect_to_loopback(hub.port());
        REQUIRE(send_all(fd, "POST /dashboard/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 900000000\r\n\r\n"));
        const std::string reply = read_reply(fd, 2000);
        ::close(fd);
        CHECK(status_of(reply) == 413);
        CHECK_THAT(sv::error_message_of(reply.substr(reply.find("\r\n\r\n") + 4)), Catch::Contains("too large"));
    }
    SECTION("a gzip body to the login form is not inflated") {
        const std::string bomb = sv::gzip_compress(std::string(200 * 1024 * 1024, '0'));
        auto res = hub.client().Post(sv::dashboard_path::login, {{"Content-Encoding", "gzip"}}, bomb,
                                     "application/x-www-form-urlencoded");
        REQUIRE(res);
        CHECK(res->status == 415);
    }
    SECTION("a gzip batch inflating past the wire limit") {
        const auto [device, token] = hub.enrol();
        const std::string bomb = sv::gzip_compress(std::string(200 * 1024 * 1024, ' '));
        auto res =
            hub.client().Post(sv::api_path::batch, {{"Authorization", "Bearer " + token}, {"Content-Encoding", "gzip"}},
                              bomb, "application/json");
        REQUIRE(res);
        CHECK(res->status == 413);
    }
    SECTION("eight enrolments of 4 million nested brackets, at once") {
        const std::string deep = "{\"protocol\":1,\"code\":" + std::string(4000000, '[') + "}";
        std::vector<std::thread> senders;
        std::atomic<int> refused{0};
        for (int i = 0; i < 8; ++i)
            senders.emplace_back([&] {
                auto res = hub.client().Post(sv::api_path::enrol, deep, "application/json");
                if (res && res->status == 413) ++refused;
            });
        for (auto& s : senders) s.join();
        CHECK(refused == 8);
    }
    SECTION("25,600 header lines of 8 KB") {
        const int fd = sv::test::connect_to_loopback(hub.port());
        REQUIRE(send_all(fd, "GET /dashboard/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        const std::string line = "X-Wall: " + std::string(8 * 1024 - 10, 'h') + "\r\n";
        int sent = 0;
        while (sent < 25600 && send_all(fd, line)) ++sent;
        const std::string reply = read_reply(fd, 2000);
        ::close(fd);
        WARN("the hub stopped reading after " << sent << " header lines and answered " << status_of(reply));
        CHECK(sent < 25600);
        CHECK((status_of(reply) == 431 || status_of(reply) == 400 || status_of(reply) == 413 || reply.empty()));
    }
    const long peak = hub.peak_memory_kb();
    WARN("hub memory: " << before / 1024 << " MB before, peak " << peak / 1024 << " MB");
    CHECK(peak < 150 * 1024);
    // Still serving.
    auto res = hub.client().Get(sv::dashboard_path::login);
    REQUIRE(res);
    CHECK(res->status == 200);
}
