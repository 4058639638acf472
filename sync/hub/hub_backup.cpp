#include "hub_backup.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <string>
#include <vector>

#include "open_hub_store.hpp"

namespace sv {
namespace {

// A folder of its own in the system's temporary folder, removed with everything in it.
class TemporaryFolder {
public:
    TemporaryFolder() {
        std::string pattern = (std::filesystem::temp_directory_path() / "streetvoice-hub-XXXXXX").string();
        if (::mkdtemp(pattern.data())) path_ = pattern;
    }
    ~TemporaryFolder() {
        std::error_code ignored;
        if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
    }
    TemporaryFolder(const TemporaryFolder&) = delete;
    TemporaryFolder& operator=(const TemporaryFolder&) = delete;
    bool made() const { return !path_.empty(); }
    std::string file(const char* name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

// Copies one stream to another; false with the reason in `problem` when either fails.
bool pour(std::FILE* from, std::FILE* to, std::string& problem) {
    std::vector<char> buffer(1 << 20);
    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), from);
        if (got > 0 && std::fwrite(buffer.data(), 1, got, to) != got) {
            problem = std::string("writing failed: ") + std::strerror(errno);
            return false;
        }
        if (got < buffer.size()) break;
    }
    if (std::ferror(from)) {
        problem = std::string("reading failed: ") + std::strerror(errno);
        return false;
    }
    if (std::fflush(to) != 0) {
        problem = std::string("writing failed: ") + std::strerror(errno);
        return false;
    }
    return true;
}

}  // namespace

Result<HubCopyCounts> back_up_hub(HubStore& from, std::FILE* out) {
    TemporaryFolder folder;
    if (!folder.made()) return Error{std::string("No temporary folder could be made: ") + std::strerror(errno) + "."};
    const std::string file = folder.file("hub-backup.sqlite");
    Result<HubCopyCounts> copied = Error{""};
    {
        auto to = open_hub_store("sqlite:" + file);
        if (!to) return to.error();
        copied = copy_hub(from, *to.value());
        if (!copied) return copied.error();
    }  // closed, so the file is whole on its own (no write-ahead log beside it)
    std::FILE* in = std::fopen(file.c_str(), "rb");
    if (!in) return Error{"The backup could not be read back: " + std::string(std::strerror(errno)) + "."};
    std::string problem;
    const bool poured = pour(in, out, problem);
    std::fclose(in);
    if (!poured) return Error{"The backup was not written in full (" + problem + "): do not keep it."};
    return copied;
}

Result<HubCopyCounts> restore_hub(std::FILE* in, HubStore& into) {
    TemporaryFolder folder;
    if (!folder.made()) return Error{std::string("No temporary folder could be made: ") + std::strerror(errno) + "."};
    const std::string file = folder.file("hub-backup.sqlite");
    {
        std::FILE* out = std::fopen(file.c_str(), "wb");
        if (!out) return Error{"The backup could not be kept to read: " + std::string(std::strerror(errno)) + "."};
        std::string problem;
        const bool poured = pour(in, out, problem);
        if (std::fclose(out) != 0 && poured) problem = std::strerror(errno);
        if (!poured || !problem.empty()) return Error{"The backup could not be read in full (" + problem + ")."};
    }
    {
        std::FILE* check = std::fopen(file.c_str(), "rb");
        char header[16] = {};
        const bool sqlite = check && std::fread(header, 1, sizeof header, check) == sizeof header &&
                            std::memcmp(header, "SQLite format 3", 16) == 0;
        if (check) std::fclose(check);
        if (!sqlite) return Error{"That is not a hub backup (the file streetvoice-hub backup writes)."};
    }
    auto backup = open_hub_store("sqlite:" + file);
    if (!backup) return Error{"That is not a hub backup, or it is damaged (" + backup.error().message + ")"};
    auto devices = backup.value()->devices();
    if (!devices) return devices.error();
    auto campaigns = backup.value()->published_campaigns();
    if (!campaigns) return campaigns.error();
    if (devices.value().empty() && campaigns.value().empty())
        return Error{"That backup holds no tablets and no campaigns: it is not a hub's (a tablet's answers file?)."};
    return copy_hub(*backup.value(), into);
}

}  // namespace sv
