#include "answers_backup_commands.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "answers_folder_lock.hpp"
#include "device_clock.hpp"
#include "kiosk_answers.hpp"
#include "sqlite_file_check.hpp"
#include "store.hpp"
#include "stream_copy.hpp"
#include "temporary_folder.hpp"

namespace sv {
namespace {

constexpr int kExitUsage = 2;
constexpr int kExitFailure = 1;

int fail(const char* command, int code, const std::string& message) {
    std::fprintf(stderr, "streetvoice %s: %s\n", command, message.c_str());
    return code;
}

// "2026-11-30T10-02-11Z": a UTC time that can be part of a file name.
std::string file_time() {
    std::string at = utc_second_iso8601(std::time(nullptr));
    for (char& c : at)
        if (c == ':') c = '-';
    return at;
}

// Moves the answers file and its write-ahead log and shared memory aside, as a set.
Status move_aside(const std::string& answers, const std::string& kept_as) {
    std::error_code error;
    for (const char* part : {"", "-wal", "-shm"}) {
        const std::string from = answers + part;
        if (!std::filesystem::exists(from, error)) continue;
        std::filesystem::rename(from, kept_as + part, error);
        if (error) return Error{"Could not keep " + from + " aside: " + error.message() + "."};
    }
    return ok_status();
}

}  // namespace

CLI::App* add_backup_command(CLI::App& cli, AnswersBackupOptions& o) {
    CLI::App* backup = cli.add_subcommand(
        "backup", "Write a kiosk's answers file, whole and consistent, to standard output (safe while it runs)");
    backup->add_option("--data-dir", o.data_dir, "The kiosk's data folder")->required();
    return backup;
}

int run_backup_command(const AnswersBackupOptions& o) {
    if (isatty(STDOUT_FILENO))
        return fail("backup", kExitUsage,
                    "the backup goes to standard output: send it to a file, e.g. streetvoice backup --data-dir " +
                        o.data_dir + " > answers-$(hostname)-$(date +%F).sqlite");
    auto opened = open_kiosk_answers(o.data_dir);
    if (!opened) return fail("backup", kExitFailure, opened.error().message);
    TemporaryFolder folder;
    if (!folder.made())
        return fail("backup", kExitFailure, std::string("no temporary folder could be made: ") + std::strerror(errno));
    const std::string copy = folder.file("answers.sqlite");
    if (auto copied = opened.value().copy_to(copy); !copied)
        return fail("backup", kExitFailure, copied.error().message);
    auto counts = opened.value().outbox_counts();
    std::FILE* in = std::fopen(copy.c_str(), "rb");
    if (!in)
        return fail("backup", kExitFailure, "the copy could not be read back: " + std::string(std::strerror(errno)));
    const Status poured = copy_stream(in, stdout);
    std::fclose(in);
    if (!poured)
        return fail("backup", kExitFailure,
                    "the backup was not written in full (" + poured.error().message + "): do not keep it.");
    if (counts)
        std::fprintf(stderr, "streetvoice backup: %lld answers (%lld waiting to be sent)\n",
                     static_cast<long long>(counts.value().pending + counts.value().synced + counts.value().rejected),
                     static_cast<long long>(counts.value().pending));
    return 0;
}

CLI::App* add_restore_command(CLI::App& cli, AnswersBackupOptions& o) {
    CLI::App* restore = cli.add_subcommand(
        "restore", "Put back a kiosk's answers from a backup on standard input (with the kiosk stopped)");
    restore->add_option("--data-dir", o.data_dir, "The kiosk's data folder")->required();
    return restore;
}

int run_restore_command(const AnswersBackupOptions& o) {
    if (isatty(STDIN_FILENO))
        return fail("restore", kExitUsage,
                    "the backup comes on standard input, e.g. streetvoice restore --data-dir " + o.data_dir +
                        " < answers-tablet-2026-11-30.sqlite");
    std::error_code error;
    if (!std::filesystem::is_directory(o.data_dir, error))
        return fail("restore", kExitUsage, "there is no data folder " + o.data_dir + ".");
    const std::string answers = answers_file_in(o.data_dir);
    // Beside the answers, so putting it in place is one rename on one disk.
    const std::string incoming = answers + ".restoring";
    std::filesystem::remove(incoming, error);
    {
        std::FILE* out = std::fopen(incoming.c_str(), "wb");
        if (!out) return fail("restore", kExitFailure, "cannot write " + incoming + ": " + std::strerror(errno));
        Status poured = copy_stream(stdin, out);
        if (std::fclose(out) != 0 && poured) poured = Error{std::string("writing failed: ") + std::strerror(errno)};
        if (!poured) {
            std::filesystem::remove(incoming, error);
            return fail("restore", kExitFailure,
                        "the backup could not be read in full (" + poured.error().message + "); nothing was changed.");
        }
    }
    // The copy is checked as an answers file (and brought up to date) before anything is replaced.
    std::int64_t answers_in_backup = 0, waiting = 0;
    if (const std::string why = why_not_whole_sqlite_file(incoming); !why.empty()) {
        std::filesystem::remove(incoming, error);
        return fail("restore", kExitFailure,
                    "that is not a kiosk's answers file, or it is damaged (" + why + "); nothing was changed.");
    }
    {
        auto checked = Store::open(incoming);
        Status whole = checked ? checked.value().check_integrity() : Status(checked.error());
        auto counts = checked ? checked.value().outbox_counts() : Result<OutboxCounts>(Error{""});
        if (!whole || !counts) {
            std::filesystem::remove(incoming, error);
            return fail("restore", kExitFailure,
                        "that is not a kiosk's answers file, or it is damaged (" +
                            (!whole ? whole.error().message : counts.error().message) + "); nothing was changed.");
        }
        answers_in_backup = counts.value().pending + counts.value().synced + counts.value().rejected;
        waiting = counts.value().pending;
    }
    auto sole = AnswersFolderLock::take(o.data_dir, AnswersFolderLock::Kind::sole);
    if (!sole) {
        std::filesystem::remove(incoming, error);
        return fail("restore", kExitFailure, sole.error().message + " Nothing was changed.");
    }
    const std::string kept_as = answers + ".before-restore-" + file_time();
    if (std::filesystem::exists(answers, error))
        if (auto moved = move_aside(answers, kept_as); !moved)
            return fail("restore", kExitFailure, moved.error().message);
    std::filesystem::rename(incoming, answers, error);
    if (error) return fail("restore", kExitFailure, "could not put the backup in place: " + error.message());
    std::printf("restored %lld answers (%lld waiting to be sent)", static_cast<long long>(answers_in_backup),
                static_cast<long long>(waiting));
    if (std::filesystem::exists(kept_as, error)) std::printf("; the file it replaced is kept as %s", kept_as.c_str());
    std::printf(".\nAt its next sync the tablet sends whatever of these the hub lacks.\n");
    return 0;
}

}  // namespace sv
