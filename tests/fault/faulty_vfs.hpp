#pragma once
// A SQLite VFS over the system's own that breaks storage on cue, the way SQLite's own test
// harness does: the k-th write or sync from now fails (a full card, a flash error), or the
// power goes at the k-th write or sync, and every write since the file's last sync is lost.
//
// While a FaultyVfs lives it is the default VFS, so code under test (the kiosk's Store) opens
// its files through it unchanged. One at a time, one thread.
#include <cstdint>
#include <string>

struct sqlite3_vfs;

namespace sv::test {

// The exit status of a process whose power was cut, to tell it from a crash.
constexpr int kPowerLostExitStatus = 42;

enum class FaultKind {
    none,
    fail,        // the operation returns an I/O error; the process carries on
    power_loss,  // unsynced writes are undone in every open file and the process ends at once
};

class FaultyVfs {
public:
    FaultyVfs();
    ~FaultyVfs();
    FaultyVfs(const FaultyVfs&) = delete;
    FaultyVfs& operator=(const FaultyVfs&) = delete;

    // From now, counts writes and syncs; the `k`-th (1-based) meets `kind`.
    void arm(FaultKind kind, int k);
    void disarm();

    // The power goes now: every write not yet synced is undone and the process ends.
    [[noreturn]] void cut_power_now();

    // Writes and syncs counted since `arm`.
    int operations() const;
    // Whether the armed fault was dealt.
    bool dealt() const;
    // What operation the fault met ("write to answers.sqlite-wal"): for a test's report.
    const std::string& dealt_to() const;

private:
    sqlite3_vfs* previous_default_ = nullptr;
};

}  // namespace sv::test
