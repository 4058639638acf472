#include "font_textures.hpp"

#include <string>
#include <vector>

namespace sv {

Result<ImTextureID> FontTextures::make(ImFontAtlas& baked) {
    unsigned char* alpha = nullptr;
    int width = 0, height = 0;
    baked.GetTexDataAsAlpha8(&alpha, &width, &height);
    if (!alpha) return Error{"the letters were not made"};
    // White letters whose alpha is the atlas's, as ImGui's own RGBA copy would have them, made
    // a row at a time straight into the texture: no second whole copy of the atlas.
    SDL_Texture* texture =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!texture) return Error{std::string("the screen has no room for the letters (") + SDL_GetError() + ")"};
    made_.push_back(texture);
    std::vector<ImU32> row(static_cast<std::size_t>(width));
    for (int y = 0; y < height; ++y) {
        const unsigned char* from = alpha + static_cast<std::size_t>(y) * static_cast<std::size_t>(width);
        for (std::size_t x = 0; x < row.size(); ++x) row[x] = IM_COL32(255, 255, 255, from[x]);
        const SDL_Rect line{0, y, width, 1};
        if (SDL_UpdateTexture(texture, &line, row.data(), 4 * width) != 0)
            return Error{std::string("the letters could not be put on the screen (") + SDL_GetError() + ")"};
    }
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    return static_cast<ImTextureID>(texture);
}

void FontTextures::forget() {
    for (SDL_Texture* texture : made_) SDL_DestroyTexture(texture);
    made_.clear();
}

}  // namespace sv
