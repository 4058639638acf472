#pragma once
#include <SDL.h>

#include <string>

#include "result.hpp"

namespace sv {

// Writes what the renderer has drawn so far (before present) to a PNG file.
Status write_renderer_png(SDL_Renderer* renderer, const std::string& path);

}  // namespace sv
