#pragma once
// The real streetvoice-hub, started on 127.0.0.1 with the demo campaigns published, for
// tests that talk to it over HTTP; killed at the end.
#include <httplib.h>

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "child_process.hpp"
#include "running_postgres.hpp"
#include "temp_folder.hpp"

namespace sv::test {

class RunningHub {
public:
    // `database`: a --db value; empty means a new SQLite file in a temp folder. `serve_options`:
    // more of `streetvoice-hub serve`'s options, e.g. {"--behind-tls-proxy"}.
    // `keep_log`: what the hub writes to standard error (its event and access logs) is kept for
    // log_lines_until; a test that keeps it reads it, or a busy hub blocks on a full pipe.
    explicit RunningHub(std::string database = "", std::vector<std::string> serve_options = {}, bool keep_log = false);
    ~RunningHub();

    const std::string& db() const { return database_; }
    int port() const { return port_; }
    std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
    httplib::Client client() const;
    // A new one-time code; `for_device`: one that enrols only that device id; `campaigns`: the
    // only campaigns the device may fetch and answer.
    std::string enrolment_code(const std::string& for_device = "",
                               const std::vector<std::string>& campaigns = {}) const;
    // Enrols a new device over HTTP; returns its id and token.
    std::pair<std::string, std::string> enrol() const;
    // Adds an organiser who may log in to the dashboard; with `ward`, that ward's councillor.
    void add_organiser(const std::string& name, const std::string& password, const std::string& ward = {}) const;
    // Runs `streetvoice-hub SUBCOMMAND --db DB REST...` against this hub's database: its exit
    // code, with what it printed in `output`.
    int command(const std::string& subcommand, const std::vector<std::string>& rest, std::string& output) const;
    // Publishes a campaign file (fails the test if the hub refuses it).
    void publish(const std::string& campaign_file) const;
    // `streetvoice-hub export`'s output (stdout and stderr) in `format`; fails the test unless it exits 0.
    // `activity`: --activity, when given.
    std::string exported(const std::string& campaign, const std::string& format,
                         const std::string& activity = {}) const;
    // Sends SIGTERM, as systemd stops the service, and waits: its exit code.
    int terminate();
    // The most memory the hub has held at once so far (peak resident set), in kilobytes.
    long peak_memory_kb() const;
    // What it holds now, in kilobytes.
    long memory_kb() const;
    // Every line the hub has written since it started, once one holds `wanted` or `deadline_ms`
    // has passed (with keep_log).
    std::vector<std::string> log_lines_until(const std::string& wanted, int deadline_ms = 10000);
    // The CSV export's rows, without the header.
    std::vector<std::string> exported_rows(const std::string& campaign) const;

private:
    TempFolder folder_;
    std::string database_;
    std::unique_ptr<ChildProcess> process_;
    std::vector<std::string> log_;
    int port_ = 0;
};

// A RunningHub on the store `kind` names ("sqlite" or "postgresql"), for tests that run
// against both: GENERATE(as<std::string>{}, "sqlite", "postgresql").
struct HubOnStore {
    explicit HubOnStore(const std::string& kind) : hub(hub_database(kind, postgres)) {}
    std::optional<RunningPostgres> postgres;  // started first, stopped last
    RunningHub hub;
};

}  // namespace sv::test
