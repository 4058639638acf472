#pragma once
// streetvoice sync: sends a kiosk's outbox to the hub on demand, with a progress line and a
// summary staff can read. The same HubSync the kiosk runs in the background.
#include <string>

namespace CLI {
class App;
}

namespace sv {

struct SyncCommandOptions {
    std::string data_dir;
    std::string hub_url;  // empty: the hub this kiosk enrolled with
    std::string enrol_code;
    std::string ca_file;
    int batch_size = 250;
    int patience_seconds = 120;
    int timeout_seconds = 30;
    int retry_base_ms = 1000;
    int retry_cap_ms = 300000;
    bool retry_rejected = false;
    bool resend_all = false;
};

// Adds the subcommand; run_sync_command runs it once parsed.
CLI::App* add_sync_command(CLI::App& cli, SyncCommandOptions& options);
// 0: nothing left to send; 1: answers still waiting (gave up for now); 2: could not start.
int run_sync_command(const SyncCommandOptions& options);

}  // namespace sv
