#include "campaign_picture_files.hpp"

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "sha256.hpp"

namespace sv {

Result<CampaignPictureFiles> campaign_pictures_beside(const Campaign& campaign) {
    CampaignPictureFiles files;
    std::set<std::string> seen;
    for (const auto& activity : campaign.activities)
        for (const auto& project : activity.budget.projects) {
            if (project.image.empty() || !seen.insert(project.image).second) continue;
            const std::filesystem::path path = std::filesystem::path(campaign.folder) / project.image;
            const std::string named = "The picture " + path.string() + " of project \"" + project.id + "\"";
            std::error_code error;
            const auto size = std::filesystem::file_size(path, error);
            if (error) return Error{named + " could not be read: " + error.message() + "."};
            if (size == 0 || size > static_cast<std::uintmax_t>(kLargestPictureBytes))
                return Error{named + " is " + std::to_string(size) + " bytes; a picture must have 1 byte to " +
                             std::to_string(kLargestPictureBytes / (1024 * 1024)) + " MB."};
            std::ifstream in(path, std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            if (!in || bytes.str().size() != size) return Error{named + " could not be read whole."};
            const std::string sha256 = sha256_hex(bytes.str());
            files.named.push_back({project.image, sha256, static_cast<std::int64_t>(size)});
            files.bytes.emplace(sha256, bytes.str());
        }
    return files;
}

}  // namespace sv
