#include "hub_backup.hpp"

#include <cerrno>
#include <cstring>
#include <string>

#include "open_hub_store.hpp"
#include "sqlite_file_check.hpp"
#include "stream_copy.hpp"
#include "temporary_folder.hpp"

namespace sv {

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
    const Status poured = copy_stream(in, out);
    std::fclose(in);
    if (!poured) return Error{"The backup was not written in full (" + poured.error().message + "): do not keep it."};
    return copied;
}

Result<HubCopyCounts> restore_hub(std::FILE* in, HubStore& into) {
    TemporaryFolder folder;
    if (!folder.made()) return Error{std::string("No temporary folder could be made: ") + std::strerror(errno) + "."};
    const std::string file = folder.file("hub-backup.sqlite");
    {
        std::FILE* out = std::fopen(file.c_str(), "wb");
        if (!out) return Error{"The backup could not be kept to read: " + std::string(std::strerror(errno)) + "."};
        Status poured = copy_stream(in, out);
        if (std::fclose(out) != 0 && poured) poured = Error{std::string("writing failed: ") + std::strerror(errno)};
        if (!poured) return Error{"The backup could not be read in full (" + poured.error().message + ")."};
    }
    if (const std::string why = why_not_whole_sqlite_file(file); !why.empty())
        return Error{"That is not a hub backup, or it is damaged (" + why + ")."};
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
