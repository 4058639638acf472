#include "running_hub.hpp"

#include <csignal>

#include <catch2/catch.hpp>
#include <fstream>

#include "uuid.hpp"
#include "wire_format.hpp"

namespace sv::test {

RunningHub::RunningHub(std::string database, std::vector<std::string> serve_options, bool keep_log)
    : database_(database.empty() ? "sqlite:" + folder_.file("hub.sqlite") : std::move(database)) {
    for (const char* campaign : {STREETVOICE_DEMO_CAMPAIGN, STREETVOICE_DEMO_BUDGET_CAMPAIGN}) publish(campaign);
    std::vector<std::string> command{STREETVOICE_HUB_BINARY, "serve", "--db", database_, "--listen", "127.0.0.1:0"};
    command.insert(command.end(), serve_options.begin(), serve_options.end());
    process_ = std::make_unique<ChildProcess>(
        command, keep_log ? ChildProcess::Stderr::with_stdout : ChildProcess::Stderr::discard);
    std::vector<std::string>& lines = log_;
    // Short reads: each waits out its whole time, and the line comes within milliseconds.
    for (int waited = 0; lines.empty() && waited < 200; ++waited)
        if (!process_->read_lines_for(50, lines)) break;
    REQUIRE(!lines.empty());
    const std::string prefix = "listening on http://127.0.0.1:";
    REQUIRE(lines[0].rfind(prefix, 0) == 0);
    port_ = std::stoi(lines[0].substr(prefix.size()));
}

std::vector<std::string> RunningHub::log_lines_until(const std::string& wanted, int deadline_ms) {
    const auto holds = [&] {
        for (const auto& line : log_)
            if (line.find(wanted) != std::string::npos) return true;
        return false;
    };
    // Short reads, each waiting out its whole time: the line usually comes within milliseconds.
    for (int waited = 0; !holds() && waited < deadline_ms; waited += 50)
        if (!process_->read_lines_for(50, log_)) break;
    return log_;
}

namespace {

// A line of /proc/PID/status ("VmHWM:   12345 kB"), in kilobytes.
long status_kb(pid_t pid, const std::string& key) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(key + ":", 0) == 0) return std::stol(line.substr(key.size() + 1));
    return -1;
}

}  // namespace

long RunningHub::peak_memory_kb() const {
    return status_kb(process_->pid(), "VmHWM");
}

long RunningHub::memory_kb() const {
    return status_kb(process_->pid(), "VmRSS");
}

RunningHub::~RunningHub() {
    process_->kill_now();
    process_->wait();
}

int RunningHub::terminate() {
    process_->send_signal(SIGTERM);
    return process_->wait();
}

httplib::Client RunningHub::client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(20, 0);
    return c;
}

std::string RunningHub::enrolment_code(const std::string& for_device, const std::vector<std::string>& campaigns) const {
    std::string output;
    std::vector<std::string> command{STREETVOICE_HUB_BINARY, "enrol-code", "--db", database_};
    if (!for_device.empty()) command.insert(command.end(), {"--for-device", for_device});
    for (const auto& campaign : campaigns) command.insert(command.end(), {"--campaign", campaign});
    REQUIRE(run_program(command, output) == 0);
    return output.substr(0, output.find('\n'));
}

std::pair<std::string, std::string> RunningHub::enrol() const {
    const std::string device = new_uuid();
    auto res = client().Post(api_path::enrol, enrol_request_json({enrolment_code(), device}), "application/json");
    REQUIRE(res);
    INFO(res->body);
    REQUIRE(res->status == 200);
    return {device, parse_enrol_reply(res->body).value().token};
}

void RunningHub::add_organiser(const std::string& name, const std::string& password, const std::string& ward) const {
    const std::string file = folder_.file("password-" + name);
    std::ofstream(file) << password << "\n";
    std::string output;
    const int code =
        ward.empty() ? run_program({"/bin/sh", "-c", "exec \"$0\" organiser --db \"$1\" \"$2\" < \"$3\"",
                                    STREETVOICE_HUB_BINARY, database_, name, file},
                                   output)
                     : run_program({"/bin/sh", "-c", "exec \"$0\" councillor --db \"$1\" \"$2\" --ward \"$4\" < \"$3\"",
                                    STREETVOICE_HUB_BINARY, database_, name, file, ward},
                                   output);
    INFO(output);
    REQUIRE(code == 0);
}

int RunningHub::command(const std::string& subcommand, const std::vector<std::string>& rest,
                        std::string& output) const {
    std::vector<std::string> args{STREETVOICE_HUB_BINARY, subcommand, "--db", database_};
    args.insert(args.end(), rest.begin(), rest.end());
    return run_program(args, output);
}

void RunningHub::publish(const std::string& campaign_file) const {
    std::string output;
    const int code = run_program({STREETVOICE_HUB_BINARY, "publish", "--db", database_, campaign_file}, output);
    INFO(output);
    REQUIRE(code == 0);
}

std::string RunningHub::exported(const std::string& campaign, const std::string& format,
                                 const std::string& activity) const {
    std::string output;
    std::vector<std::string> command{STREETVOICE_HUB_BINARY, "export", "--db",     database_,
                                     "--campaign",           campaign, "--format", format};
    if (!activity.empty()) command.insert(command.end(), {"--activity", activity});
    const int code = run_program(command, output);
    INFO(output);
    REQUIRE(code == 0);
    return output;
}

std::vector<std::string> RunningHub::exported_rows(const std::string& campaign) const {
    const std::string output = exported(campaign, "csv");
    std::vector<std::string> rows;
    std::size_t start = output.find('\n') + 1;
    while (start < output.size()) {
        const std::size_t end = output.find('\n', start);
        rows.push_back(output.substr(start, end - start));
        start = end + 1;
    }
    return rows;
}

}  // namespace sv::test
