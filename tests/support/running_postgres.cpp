#include "running_postgres.hpp"

#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>

#include "child_process.hpp"

namespace sv::test {
namespace {

std::string server_binaries() {
    std::error_code ignored;
    std::string newest;
    for (const auto& entry : std::filesystem::directory_iterator("/usr/lib/postgresql", ignored)) {
        const std::string bin = (entry.path() / "bin").string();
        if (std::filesystem::exists(bin + "/initdb") && bin > newest) newest = bin;
    }
    return newest;
}

int free_port() {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
    socklen_t size = sizeof address;
    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
    ::close(fd);
    return ntohs(address.sin_port);
}

}  // namespace

std::vector<std::string> RunningPostgres::as_server_user(std::vector<std::string> argv) const {
    if (geteuid() == 0) argv.insert(argv.begin(), {"/usr/sbin/runuser", "-u", "postgres", "--"});
    return argv;
}

RunningPostgres::RunningPostgres() {
    bin_ = server_binaries();
    if (bin_.empty()) FAIL("PostgreSQL's server is not installed (Debian package postgresql; .ci/install-build-deps)");
    data_ = folder_.file("data");
    if (geteuid() == 0) {
        std::filesystem::permissions(folder_.path(),
                                     std::filesystem::perms::owner_all | std::filesystem::perms::others_exec);
        std::filesystem::create_directory(data_);
        const passwd* server_user = getpwnam("postgres");
        REQUIRE(server_user != nullptr);
        REQUIRE(::chown(data_.c_str(), server_user->pw_uid, server_user->pw_gid) == 0);
    }
    std::string output;
    int code = run_program(as_server_user({bin_ + "/initdb", "-D", data_, "-A", "trust", "-U", "streetvoice",
                                           "--no-sync", "-E", "UTF8", "--locale", "C"}),
                           output);
    INFO(output);
    REQUIRE(code == 0);
    port_ = free_port();
    start();
}

void RunningPostgres::start() {
    std::string output;
    // Durable as in production: fsync and synchronous_commit stay on.
    const int code = run_program(
        as_server_user({bin_ + "/pg_ctl", "-D", data_, "-w", "-l", data_ + "/server.log", "-o",
                        "-p " + std::to_string(port_) + " -k " + data_ + " -c listen_addresses=127.0.0.1", "start"}),
        output);
    INFO(output);
    REQUIRE(code == 0);
    started_ = true;
}

void RunningPostgres::stop() {
    std::string output;
    const int code = run_program(as_server_user({bin_ + "/pg_ctl", "-D", data_, "-m", "fast", "-w", "stop"}), output);
    INFO(output);
    REQUIRE(code == 0);
    started_ = false;
}

RunningPostgres::~RunningPostgres() {
    if (!started_) return;
    std::string output;
    run_program(as_server_user({bin_ + "/pg_ctl", "-D", data_, "-m", "immediate", "-w", "stop"}), output);
}

std::string RunningPostgres::new_database() {
    const std::string name = "hub" + std::to_string(++databases_);
    std::string output;
    const int code = run_program(
        {bin_ + "/createdb", "-h", "127.0.0.1", "-p", std::to_string(port_), "-U", "streetvoice", name}, output);
    INFO(output);
    REQUIRE(code == 0);
    return "postgresql://streetvoice@127.0.0.1:" + std::to_string(port_) + "/" + name;
}

std::string hub_database(const std::string& kind, std::optional<RunningPostgres>& server) {
    if (kind != "postgresql") return "";
    if (!server) server.emplace();
    return server->new_database();
}

}  // namespace sv::test
