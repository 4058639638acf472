#include "fault_proxy.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>
#include <optional>
#include <random>
#include <stdexcept>

#include "loopback_connection.hpp"

namespace sv::test {
namespace {

bool send_all(int fd, const std::string& bytes) {
    std::size_t done = 0;
    while (done < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + done, bytes.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return false;
        done += static_cast<std::size_t>(n);
    }
    return true;
}

void reset(int fd) {
    linger hard{1, 0};  // close with RST, not FIN
    setsockopt(fd, SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
}

std::string lower(std::string text) {
    for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return text;
}

// Reads one HTTP message (head + Content-Length body) from `fd`, keeping any bytes of the
// next one in `buffer`. Nothing when the peer closed or sent something we cannot frame.
std::optional<std::string> read_message(int fd, std::string& buffer, bool is_reply) {
    std::size_t head_end;
    while ((head_end = buffer.find("\r\n\r\n")) == std::string::npos) {
        char chunk[65536];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return std::nullopt;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    const std::string head = lower(buffer.substr(0, head_end));
    std::size_t length = 0;
    if (auto at = head.find("\r\ncontent-length:"); at != std::string::npos) length = std::stoul(head.substr(at + 17));
    if (is_reply && (head.rfind("http/1.1 304", 0) == 0 || head.rfind("http/1.1 204", 0) == 0)) length = 0;
    const std::size_t whole = head_end + 4 + length;
    while (buffer.size() < whole) {
        char chunk[65536];
        const ssize_t n = ::recv(fd, chunk, sizeof chunk, 0);
        if (n <= 0) return std::nullopt;
        buffer.append(chunk, static_cast<std::size_t>(n));
    }
    std::string message = buffer.substr(0, whole);
    buffer.erase(0, whole);
    return message;
}

std::optional<std::string> forward(int hub_port, const std::string& request) {
    const int hub = connect_to_loopback(hub_port);
    if (hub < 0) return std::nullopt;
    std::string buffer;
    std::optional<std::string> reply;
    if (send_all(hub, request)) reply = read_message(hub, buffer, true);
    ::close(hub);
    return reply;
}

std::string synthetic_reply(int status, const char* reason) {
    const std::string body = "{\"error\":\"The proxy says " + std::string(reason) + ".\"}";
    return "HTTP/1.1 " + std::to_string(status) + " " + reason +
           "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: " + std::to_string(body.size()) +
           "\r\n\r\n" + body;
}

}  // namespace

const char* fault_name(Fault fault) {
    switch (fault) {
        case Fault::none: return "none";
        case Fault::reset_before_forwarding: return "reset before forwarding";
        case Fault::reset_after_forwarding: return "reset after forwarding";
        case Fault::status_500: return "500";
        case Fault::status_503: return "503";
        case Fault::truncate_reply: return "truncated reply";
        case Fault::stall: return "stall";
        case Fault::deliver_twice: return "delivered twice";
    }
    return "?";
}

FaultProxy::FaultProxy(int hub_port, std::function<Fault()> choose) : hub_port_(hub_port), choose_(std::move(choose)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    const int yes = 1;
    setsockopt(listener_, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 64) != 0)
        throw std::runtime_error("the fault proxy could not listen on 127.0.0.1");
    socklen_t size = sizeof address;
    getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
    acceptor_ = std::thread([this] { accept_loop(); });
}

FaultProxy::~FaultProxy() {
    stopping_ = true;
    ::shutdown(listener_, SHUT_RDWR);
    acceptor_.join();
    {
        std::lock_guard lock(mutex_);
        for (int fd : open_fds_) ::shutdown(fd, SHUT_RDWR);
    }
    for (auto& t : threads_) t.join();
    ::close(listener_);
}

std::map<Fault, int> FaultProxy::faults_dealt() const {
    std::lock_guard lock(mutex_);
    return dealt_;
}

void FaultProxy::remember(int fd) {
    std::lock_guard lock(mutex_);
    open_fds_.push_back(fd);
}

void FaultProxy::forget(int fd) {
    std::lock_guard lock(mutex_);
    open_fds_.erase(std::remove(open_fds_.begin(), open_fds_.end(), fd), open_fds_.end());
}

void FaultProxy::accept_loop() {
    while (!stopping_) {
        const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) {
            if (stopping_) return;
            continue;
        }
        std::lock_guard lock(mutex_);
        open_fds_.push_back(client);
        threads_.emplace_back([this, client] { serve(client); });
    }
}

void FaultProxy::serve(int client) {
    std::string buffer;
    bool keep_open = true;
    while (keep_open && !stopping_) {
        auto request = read_message(client, buffer, false);
        if (!request) break;
        const Fault fault = choose_();
        {
            std::lock_guard lock(mutex_);
            ++dealt_[fault];
        }
        switch (fault) {
            case Fault::reset_before_forwarding:
                reset(client);
                keep_open = false;
                break;
            case Fault::status_500:
                send_all(client, synthetic_reply(500, "Internal Server Error"));
                keep_open = false;
                break;
            case Fault::status_503:
                send_all(client, synthetic_reply(503, "Service Unavailable"));
                keep_open = false;
                break;
            case Fault::stall: {
                // Holds the connection, answering nothing, until the client hangs up.
                pollfd waiting{client, POLLIN, 0};
                while (!stopping_ && ::poll(&waiting, 1, 100) == 0) {
                }
                keep_open = false;
                break;
            }
            case Fault::none:
            case Fault::reset_after_forwarding:
            case Fault::truncate_reply:
            case Fault::deliver_twice: {
                auto reply = forward(hub_port_, *request);
                if (fault == Fault::deliver_twice) reply = forward(hub_port_, *request);
                if (!reply) {
                    keep_open = false;
                } else if (fault == Fault::reset_after_forwarding) {
                    reset(client);
                    keep_open = false;
                } else if (fault == Fault::truncate_reply) {
                    send_all(client, reply->substr(0, reply->size() / 2));
                    keep_open = false;
                } else {
                    keep_open =
                        send_all(client, *reply) && lower(*reply).find("connection: close") == std::string::npos;
                }
                break;
            }
        }
    }
    forget(client);
    ::close(client);
}

std::function<Fault()> random_faults(std::uint64_t seed, double clean) {
    auto random = std::make_shared<std::mt19937_64>(seed);
    auto lock = std::make_shared<std::mutex>();
    return [random, lock, clean] {
        std::lock_guard held(*lock);
        if (std::uniform_real_distribution<double>(0, 1)(*random) < clean) return Fault::none;
        constexpr std::size_t faults = sizeof kEveryFault / sizeof kEveryFault[0];
        return kEveryFault[std::uniform_int_distribution<std::size_t>(1, faults - 1)(*random)];
    };
}

}  // namespace sv::test
