#include "font_textures.hpp"

#include <string>

namespace sv {

Result<ImTextureID> FontTextures::make(ImFontAtlas& baked) {
    unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    baked.GetTexDataAsRGBA32(&pixels, &width, &height);
    if (!pixels) return Error{"the letters were not made"};
    // As the renderer backend makes the standard size's, so that every size looks alike.
    SDL_Texture* texture =
        SDL_CreateTexture(renderer_, SDL_PIXELFORMAT_RGBA32, SDL_TEXTUREACCESS_STATIC, width, height);
    if (!texture) return Error{std::string("the screen has no room for the letters (") + SDL_GetError() + ")"};
    made_.push_back(texture);
    if (SDL_UpdateTexture(texture, nullptr, pixels, 4 * width) != 0)
        return Error{std::string("the letters could not be put on the screen (") + SDL_GetError() + ")"};
    SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
    return static_cast<ImTextureID>(texture);
}

void FontTextures::forget() {
    for (SDL_Texture* texture : made_) SDL_DestroyTexture(texture);
    made_.clear();
}

}  // namespace sv
