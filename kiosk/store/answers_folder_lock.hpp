#pragma once
// Every program that opens a kiosk's answers file (the kiosk, its background sync, the
// `streetvoice` tools) holds a shared lock on the file's folder while it does. Restoring a
// backup replaces the file, so it needs the folder to itself: a kiosk left running would go on
// writing answers into the file swapped out from under it, and they would be lost. The lock is
// flock(2) on the folder, which never meets SQLite's own locks on the file.
#include <string>

#include "result.hpp"

namespace sv {

class AnswersFolderLock {
public:
    enum class Kind { shared, sole };
    // Shared waits for a restore under way to finish; sole does not wait for anyone, and says
    // in words that the folder is in use.
    static Result<AnswersFolderLock> take(const std::string& folder, Kind kind);

    AnswersFolderLock() = default;
    AnswersFolderLock(AnswersFolderLock&& other) noexcept;
    AnswersFolderLock& operator=(AnswersFolderLock&& other) noexcept;
    AnswersFolderLock(const AnswersFolderLock&) = delete;
    AnswersFolderLock& operator=(const AnswersFolderLock&) = delete;
    ~AnswersFolderLock();

private:
    int fd_ = -1;
};

}  // namespace sv
