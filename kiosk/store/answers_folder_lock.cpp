#include "answers_folder_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace sv {

Result<AnswersFolderLock> AnswersFolderLock::take(const std::string& folder, Kind kind) {
    AnswersFolderLock lock;
    const std::string path = folder.empty() ? "." : folder;
    lock.fd_ = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    // No folder, no file in it to share: opening the file says so in its own words.
    if (lock.fd_ < 0 && errno == ENOENT && kind == Kind::shared) return lock;
    if (lock.fd_ < 0)
        return Error{"Could not open the kiosk's data folder " + path + ": " + std::strerror(errno) + "."};
    int taken;
    do {
        taken = ::flock(lock.fd_, kind == Kind::shared ? LOCK_SH : LOCK_EX | LOCK_NB);
    } while (taken != 0 && errno == EINTR);
    if (taken == 0) return lock;
    if (errno == EWOULDBLOCK)
        return Error{"The answers in " + path +
                     " are in use: the kiosk (or a sync) is running. Stop it first, e.g. sudo systemctl stop "
                     "streetvoice-kiosk, then try again."};
    return Error{"Could not lock the kiosk's data folder " + path + ": " + std::strerror(errno) + "."};
}

AnswersFolderLock::AnswersFolderLock(AnswersFolderLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

AnswersFolderLock& AnswersFolderLock::operator=(AnswersFolderLock&& other) noexcept {
    if (this != &other) {
        if (fd_ >= 0) ::close(fd_);
        fd_ = std::exchange(other.fd_, -1);
    }
    return *this;
}

AnswersFolderLock::~AnswersFolderLock() {
    if (fd_ >= 0) ::close(fd_);
}

}  // namespace sv
