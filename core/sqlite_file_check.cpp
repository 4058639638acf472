#include "sqlite_file_check.hpp"

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>

namespace sv {

std::string why_not_whole_sqlite_file(const std::string& path) {
    unsigned char header[100] = {};
    std::FILE* file = std::fopen(path.c_str(), "rb");
    const bool read = file && std::fread(header, 1, sizeof header, file) == sizeof header;
    if (file) std::fclose(file);
    if (!read || std::memcmp(header, "SQLite format 3", 16) != 0) return "it is not a SQLite file";
    // The header is big-endian: page size at 16, pages in the file at 28, schema version at 60.
    const auto number = [&header](int at, int bytes) {
        std::uint64_t n = 0;
        for (int i = 0; i < bytes; ++i) n = n << 8 | header[at + i];
        return n;
    };
    const std::uint64_t page_size = number(16, 2) == 1 ? 65536 : number(16, 2);
    std::error_code error;
    const auto size = std::filesystem::file_size(path, error);
    if (error || size != page_size * number(28, 4)) return "it is cut short, or was not written whole";
    if (number(60, 4) == 0) return "it holds nothing of ours";
    return {};
}

}  // namespace sv
