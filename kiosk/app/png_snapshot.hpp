#pragma once
#include <SDL.h>

#include <string>

#include "contrast_check.hpp"
#include "result.hpp"

namespace sv {

// What the renderer has drawn so far (before present).
Result<FramePixels> read_renderer_pixels(SDL_Renderer* renderer);
// Writes what the renderer has drawn so far (before present) to a PNG file.
Status write_renderer_png(SDL_Renderer* renderer, const std::string& path);

}  // namespace sv
