#pragma once
// The textures that bigger text sizes' letters are drawn from (the standard size's is the
// ImGui renderer backend's own). They belong to one set of fonts: forget them with it.
#include <SDL.h>

#include <vector>

#include "imgui.h"
#include "result.hpp"

namespace sv {

class FontTextures {
public:
    explicit FontTextures(SDL_Renderer* renderer) : renderer_(renderer) {}
    ~FontTextures() { forget(); }
    FontTextures(const FontTextures&) = delete;
    FontTextures& operator=(const FontTextures&) = delete;

    // A texture of `baked`'s letters; the atlas's pixels may be freed after.
    Result<ImTextureID> make(ImFontAtlas& baked);
    void forget();

private:
    SDL_Renderer* renderer_;
    std::vector<SDL_Texture*> made_;
};

}  // namespace sv
