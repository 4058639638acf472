#include "data_directory.hpp"

#include <sys/stat.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>

namespace sv {

std::string default_data_directory() {
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg) return std::string(xdg) + "/streetvoice";
    if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.local/share/streetvoice";
    return "streetvoice-data";
}

Status ensure_directory(const std::string& path) {
    if (path.empty()) return Error{"No data folder was given."};
    std::string partial;
    std::size_t start = 0;
    while (start <= path.size()) {
        const std::size_t slash = path.find('/', start);
        partial = path.substr(0, slash == std::string::npos ? path.size() : slash);
        start = slash == std::string::npos ? path.size() + 1 : slash + 1;
        if (partial.empty()) continue;
        if (mkdir(partial.c_str(), 0700) != 0 && errno != EEXIST)
            return Error{"Could not create the data folder " + path + ": " + std::strerror(errno) + "."};
    }
    struct stat info {};
    if (stat(path.c_str(), &info) != 0 || !S_ISDIR(info.st_mode))
        return Error{"The data folder " + path + " is not a folder."};
    return ok_status();
}

}  // namespace sv
