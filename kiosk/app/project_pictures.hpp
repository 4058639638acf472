#pragma once
// The pictures of a campaign's projects, read from the campaign's folder into textures
// the screens can draw. A picture that cannot be read stops the start with a message naming
// the file, so staff find out before the stall opens rather than from a blank page.
#include <SDL.h>

#include <map>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "result.hpp"
#include "view_context.hpp"

namespace sv {

class ProjectPictures {
public:
    ProjectPictures() = default;
    ~ProjectPictures();
    ProjectPictures(const ProjectPictures&) = delete;
    ProjectPictures& operator=(const ProjectPictures&) = delete;
    ProjectPictures(ProjectPictures&& other) noexcept;
    ProjectPictures& operator=(ProjectPictures&& other) noexcept;

    static Result<ProjectPictures> load(SDL_Renderer* renderer, const Campaign& campaign);
    // The same, leaving out each picture that cannot be shown, with why in `problems`.
    static ProjectPictures load_what_can_be(SDL_Renderer* renderer, const Campaign& campaign,
                                            std::vector<std::string>& problems);

    // By project id.
    const std::map<std::string, Picture>& all() const { return pictures_; }

private:
    void release();
    std::map<std::string, Picture> pictures_;
};

}  // namespace sv
