#include "stream_copy.hpp"

#include <cerrno>
#include <cstring>
#include <string>
#include <vector>

namespace sv {

Status copy_stream(std::FILE* from, std::FILE* to) {
    const auto failed = [](const char* doing) {
        return Error{std::string(doing) + " failed: " + std::strerror(errno)};
    };
    std::vector<char> buffer(1 << 20);
    for (;;) {
        const std::size_t got = std::fread(buffer.data(), 1, buffer.size(), from);
        if (got > 0 && std::fwrite(buffer.data(), 1, got, to) != got) return failed("writing");
        if (got < buffer.size()) break;
    }
    if (std::ferror(from)) return failed("reading");
    if (std::fflush(to) != 0) return failed("writing");
    return ok_status();
}

}  // namespace sv
