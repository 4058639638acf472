#pragma once
// A tablet's answers file backed up to standard output and restored from standard input, so
// the shell writes the copy wherever IT wants it (a USB stick the kiosk's user cannot reach):
//   sudo -u streetvoice-kiosk streetvoice backup --data-dir /var/lib/streetvoice > answers.sqlite
//   sudo systemctl stop streetvoice-kiosk
//   sudo -u streetvoice-kiosk streetvoice restore --data-dir /var/lib/streetvoice < answers.sqlite
// A backup is consistent while the kiosk answers. A restore checks the copy first, refuses
// while the kiosk or a sync has the answers open, and keeps the file it replaces (with its
// write-ahead log, so nothing in it is lost or replayed into the restored one).
#include <CLI/CLI.hpp>
#include <string>

namespace sv {

struct AnswersBackupOptions {
    std::string data_dir;
};
CLI::App* add_backup_command(CLI::App& cli, AnswersBackupOptions& options);
int run_backup_command(const AnswersBackupOptions& options);
CLI::App* add_restore_command(CLI::App& cli, AnswersBackupOptions& options);
int run_restore_command(const AnswersBackupOptions& options);

}  // namespace sv
