#pragma once
// A private PostgreSQL server for one test: initdb into a temp folder, started on a free
// port of 127.0.0.1, stopped and removed at the end. Uses the server binaries Debian's
// postgresql package installs; as root it runs them as the postgres user, as they insist.
#include <optional>
#include <string>
#include <vector>

#include "temp_folder.hpp"

namespace sv::test {

class RunningPostgres {
public:
    RunningPostgres();
    ~RunningPostgres();
    RunningPostgres(const RunningPostgres&) = delete;
    RunningPostgres& operator=(const RunningPostgres&) = delete;

    // A new, empty database on this server; its postgresql:// address.
    std::string new_database();
    int port() const { return port_; }
    // Stops the server, as an outage would (its connections are cut), and starts it again on
    // the same port with the same databases.
    void stop();
    void start();

private:
    std::vector<std::string> as_server_user(std::vector<std::string> argv) const;

    TempFolder folder_;
    std::string bin_;
    std::string data_;
    int port_ = 0;
    int databases_ = 0;
    bool started_ = false;
};

// A --db for a RunningHub of this kind: "" (a new SQLite file) for "sqlite"; for
// "postgresql", a new database on `server`, started first if need be.
std::string hub_database(const std::string& kind, std::optional<RunningPostgres>& server);

}  // namespace sv::test
