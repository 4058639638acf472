#include "installed_files.hpp"

#include <filesystem>
#include <system_error>

namespace sv {

std::string shipped_assets_directory() {
    std::error_code error;
    const std::filesystem::path program = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const auto installed = program.parent_path().parent_path() / "share" / "streetvoice";
        if (std::filesystem::is_directory(installed / "campaigns", error)) return installed.string();
    }
    return STREETVOICE_SOURCE_ASSETS_DIR;
}

}  // namespace sv
