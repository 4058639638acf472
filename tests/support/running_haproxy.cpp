#include "running_haproxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <chrono>
#include <fstream>

#include "free_port.hpp"

namespace sv::test {
namespace {

bool accepts(int port) {
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    const bool connected = ::connect(s, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0;
    ::close(s);
    return connected;
}

}  // namespace

RunningHaproxy::RunningHaproxy(const std::vector<int>& hub_ports) {
    port_ = free_loopback_port();
    const std::string config = folder_.file("haproxy.cfg");
    {
        std::ofstream out(config);
        out << "global\n  maxconn 512\n"
            << "defaults\n  mode http\n  timeout connect 5s\n  timeout client 60s\n  timeout server 60s\n"
            << "  option forwardfor\n"
            << "frontend kiosks_and_organisers\n  bind 127.0.0.1:" << port_ << "\n  default_backend hubs\n"
            << "backend hubs\n  balance roundrobin\n  option httpchk GET /readyz\n";
        for (std::size_t i = 0; i < hub_ports.size(); ++i)
            out << "  server hub" << i + 1 << " 127.0.0.1:" << hub_ports[i] << " check inter 2s\n";
    }
    // -db: in the foreground, so it ends with the test.
    process_ = std::make_unique<ChildProcess>(std::vector<std::string>{"/usr/sbin/haproxy", "-db", "-f", config},
                                              ChildProcess::Stderr::with_stdout);
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
    std::vector<std::string> said;
    while (!accepts(port_)) {
        REQUIRE(std::chrono::steady_clock::now() < deadline);
        INFO("haproxy said: " << (said.empty() ? "" : said.back()));
        REQUIRE(process_->read_lines_for(50, said));  // false: haproxy ended
    }
}

RunningHaproxy::~RunningHaproxy() {
    process_->kill_now();
    process_->wait();
}

}  // namespace sv::test
