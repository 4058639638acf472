// Kiosk polls per second a hub sustains, alone and while 200 slow clients hold connections
// open (each sending one header byte every half second, never finishing), run on demand:
//   [HUB=PATH] [BENCH_SECONDS=N] build/tests/bench/hub_attack_bench
// HUB defaults to this build's streetvoice-hub; give an older build's to compare.
// Each poll is what a kiosk sends every few minutes: GET /api/v1/campaigns with its token
// and the ETag it holds, given up after 2 s.
#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>
#include <vector>

#include "child_process.hpp"
#include "temp_folder.hpp"
#include "uuid.hpp"
#include "wire_format.hpp"

using Clock = std::chrono::steady_clock;

namespace {

struct Figures {
    int answered = 0, failed = 0;
    double slowest = 0;
};

Figures poll_for(int port, const std::string& token, double seconds) {
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(2, 0);
    client.set_read_timeout(2, 0);
    client.set_write_timeout(2, 0);
    std::string etag;
    Figures f;
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    while (Clock::now() < until) {
        const auto start = Clock::now();
        httplib::Headers headers{{"Authorization", "Bearer " + token}};
        if (!etag.empty()) headers.emplace("If-None-Match", etag);
        auto res = client.Get(sv::api_path::campaigns, headers);
        const double took = std::chrono::duration<double>(Clock::now() - start).count();
        f.slowest = std::max(f.slowest, took);
        if (res && (res->status == 200 || res->status == 304)) {
            ++f.answered;
            if (res->has_header("ETag")) etag = res->get_header_value("ETag");
        } else {
            ++f.failed;
        }
    }
    return f;
}

int connect_loopback(int port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
        if (fd >= 0) ::close(fd);
        return -1;
    }
    return fd;
}

void print(const char* when, const Figures& f, double seconds) {
    std::printf("%-32s %7.0f polls/s answered, %d not answered within 2 s, slowest %.3f s\n", when,
                f.answered / seconds, f.failed, f.slowest);
}

}  // namespace

TEST_CASE("bench: kiosk polls per second, alone and under 200 slow connections") {
    const std::string hub = std::getenv("HUB") ? std::getenv("HUB") : STREETVOICE_HUB_BINARY;
    const double seconds = std::getenv("BENCH_SECONDS") ? std::atof(std::getenv("BENCH_SECONDS")) : 10;
    sv::test::TempFolder folder;
    const std::string db = "sqlite:" + folder.file("hub.sqlite");
    std::string output;
    INFO(output);
    REQUIRE(sv::test::run_program({hub, "publish", "--db", db, STREETVOICE_DEMO_CAMPAIGN}, output) == 0);
    sv::test::ChildProcess server({hub, "serve", "--db", db, "--listen", "127.0.0.1:0"});
    std::vector<std::string> lines;
    for (int i = 0; lines.empty() && i < 100; ++i) server.read_lines_for(50, lines);
    const std::string prefix = "listening on http://127.0.0.1:";
    REQUIRE(!lines.empty());
    REQUIRE(lines[0].rfind(prefix, 0) == 0);
    const int port = std::stoi(lines[0].substr(prefix.size()));
    sv::test::run_program({hub, "enrol-code", "--db", db}, output);
    const std::string code = output.substr(0, output.find('\n'));
    httplib::Client client("127.0.0.1", port);
    auto enrolled =
        client.Post(sv::api_path::enrol, sv::enrol_request_json({code, sv::new_uuid()}), "application/json");
    REQUIRE(enrolled);
    REQUIRE(enrolled->status == 200);
    const std::string token = sv::parse_enrol_reply(enrolled->body).value().token;

    print("alone:", poll_for(port, token, seconds), seconds);

    std::vector<int> slow;
    for (int i = 0; i < 200; ++i) {
        const int fd = connect_loopback(port);
        if (fd < 0) continue;
        const std::string start = "POST /dashboard/login HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ";
        (void)::send(fd, start.data(), start.size(), MSG_NOSIGNAL);
        slow.push_back(fd);
    }
    std::atomic<bool> attacking{true};
    std::thread trickle([&] {
        while (attacking) {
            for (int fd : slow) (void)::send(fd, "a", 1, MSG_NOSIGNAL | MSG_DONTWAIT);
            pollfd none{-1, 0, 0};
            ::poll(&none, 0, 500);
        }
    });
    char label[64];
    std::snprintf(label, sizeof label, "under %zu slow connections:", slow.size());
    print(label, poll_for(port, token, seconds), seconds);
    attacking = false;
    trickle.join();
    for (int fd : slow) ::close(fd);
    server.kill_now();
    server.wait();
}
