#include "project_pictures.hpp"

#include <filesystem>
#include <memory>

#include "stb_image.h"

namespace sv {
namespace {

// A tablet's screen needs no more; a bigger file is a mistake that would cost memory.
constexpr int kLargestSide = 2048;

Result<SDL_Texture*> read_picture(SDL_Renderer* renderer, const std::string& path, int& width, int& height) {
    int ignored_channels = 0;
    if (!stbi_info(path.c_str(), &width, &height, &ignored_channels))
        return Error{"is not a picture the kiosk can show (use PNG or JPEG)"};
    if (width > kLargestSide || height > kLargestSide)
        return Error{"is " + std::to_string(width) + "×" + std::to_string(height) + " pixels; make it at most " +
                     std::to_string(kLargestSide) + " on each side"};
    std::unique_ptr<unsigned char, void (*)(void*)> pixels(stbi_load(path.c_str(), &width, &height, nullptr, 4),
                                                           stbi_image_free);
    if (!pixels) return Error{std::string("could not be read: ") + stbi_failure_reason()};
    SDL_Texture* texture =
        SDL_CreateTexture(renderer, SDL_PIXELFORMAT_ABGR8888, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!texture) return Error{std::string("could not be prepared for the screen: ") + SDL_GetError()};
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    if (SDL_UpdateTexture(texture, nullptr, pixels.get(), width * 4) != 0) {
        SDL_DestroyTexture(texture);
        return Error{std::string("could not be prepared for the screen: ") + SDL_GetError()};
    }
    return texture;
}

}  // namespace

ProjectPictures::~ProjectPictures() {
    release();
}

ProjectPictures::ProjectPictures(ProjectPictures&& other) noexcept : pictures_(std::move(other.pictures_)) {
    other.pictures_.clear();
}

ProjectPictures& ProjectPictures::operator=(ProjectPictures&& other) noexcept {
    if (this != &other) {
        release();
        pictures_ = std::move(other.pictures_);
        other.pictures_.clear();
    }
    return *this;
}

void ProjectPictures::release() {
    for (auto& [id, picture] : pictures_) SDL_DestroyTexture(static_cast<SDL_Texture*>(picture.texture));
    pictures_.clear();
}

Result<ProjectPictures> ProjectPictures::load(SDL_Renderer* renderer, const Campaign& campaign) {
    std::vector<std::string> problems;
    ProjectPictures loaded = load_what_can_be(renderer, campaign, problems);
    if (!problems.empty()) return Error{problems.front()};
    return loaded;
}

ProjectPictures ProjectPictures::load_what_can_be(SDL_Renderer* renderer, const Campaign& campaign,
                                                  std::vector<std::string>& problems) {
    ProjectPictures loaded;
    for (const auto& activity : campaign.activities)
        for (const auto& project : activity.budget.projects) {
            if (project.image.empty() || loaded.pictures_.count(project.id)) continue;
            const std::string path = (std::filesystem::path(campaign.folder) / project.image).string();
            int width = 0, height = 0;
            std::error_code missing;
            if (!std::filesystem::is_regular_file(path, missing)) {
                problems.push_back("The picture " + path + " for the project \"" + project.id + "\" is not there.");
                continue;
            }
            auto texture = read_picture(renderer, path, width, height);
            if (!texture) {
                problems.push_back("The picture " + path + " for the project \"" + project.id + "\" " +
                                   texture.error().message + ".");
                continue;
            }
            loaded.pictures_[project.id] =
                Picture{texture.value(), static_cast<float>(width), static_cast<float>(height)};
        }
    return loaded;
}

}  // namespace sv
