#pragma once
// A TCP proxy on 127.0.0.1 between a kiosk and the hub that misbehaves on purpose, one HTTP
// request at a time: it resets connections, answers 500/503 itself, cuts replies short,
// stalls until the client gives up, and delivers requests to the hub twice.
#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sv::test {

enum class Fault {
    none,
    reset_before_forwarding,  // the request never reaches the hub
    reset_after_forwarding,   // the hub stored it; the reply is lost
    status_500,
    status_503,
    truncate_reply,  // half the hub's reply, then the connection closes
    stall,           // no reply at all until the client gives up
    deliver_twice,   // the hub gets the request twice; the client gets the second reply
};
const char* fault_name(Fault fault);
constexpr Fault kEveryFault[] = {Fault::none,
                                 Fault::reset_before_forwarding,
                                 Fault::reset_after_forwarding,
                                 Fault::status_500,
                                 Fault::status_503,
                                 Fault::truncate_reply,
                                 Fault::stall,
                                 Fault::deliver_twice};

class FaultProxy {
public:
    // `choose` is called once per request, from several threads at once.
    FaultProxy(int hub_port, std::function<Fault()> choose);
    ~FaultProxy();
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    // How many requests met each fault so far.
    std::map<Fault, int> faults_dealt() const;

private:
    void accept_loop();
    void serve(int client);
    void remember(int fd);
    void forget(int fd);

    int hub_port_;
    std::function<Fault()> choose_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stopping_{false};
    mutable std::mutex mutex_;
    std::vector<int> open_fds_;
    std::vector<std::thread> threads_;
    std::map<Fault, int> dealt_;
    std::thread acceptor_;
};

// A chooser that picks `none` with probability `clean` and otherwise any fault evenly, from a
// seeded generator (shared by all threads under a lock).
std::function<Fault()> random_faults(std::uint64_t seed, double clean);

}  // namespace sv::test
