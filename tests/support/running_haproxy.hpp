#pragma once
// Debian's haproxy, started on 127.0.0.1 in front of some hubs, taking turns between them
// (round robin) as a council's load balancer would; stopped at the end.
#include <memory>
#include <string>
#include <vector>

#include "child_process.hpp"
#include "temp_folder.hpp"

namespace sv::test {

class RunningHaproxy {
public:
    explicit RunningHaproxy(const std::vector<int>& hub_ports);
    ~RunningHaproxy();
    RunningHaproxy(const RunningHaproxy&) = delete;
    RunningHaproxy& operator=(const RunningHaproxy&) = delete;

    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

private:
    TempFolder folder_;
    std::unique_ptr<ChildProcess> process_;
    int port_ = 0;
};

}  // namespace sv::test
