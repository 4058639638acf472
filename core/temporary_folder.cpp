#include "temporary_folder.hpp"

#include <cstdlib>
#include <filesystem>

namespace sv {

TemporaryFolder::TemporaryFolder() {
    std::error_code error;
    const auto base = std::filesystem::temp_directory_path(error);
    std::string pattern = ((error ? std::filesystem::path("/tmp") : base) / "streetvoice-XXXXXX").string();
    if (::mkdtemp(pattern.data())) path_ = pattern;
}

TemporaryFolder::~TemporaryFolder() {
    std::error_code ignored;
    if (!path_.empty()) std::filesystem::remove_all(path_, ignored);
}

}  // namespace sv
