#include "png_snapshot.hpp"

#include <vector>

#include "stb_image_write.h"

namespace sv {

Result<FramePixels> read_renderer_pixels(SDL_Renderer* renderer) {
    FramePixels frame;
    if (SDL_GetRendererOutputSize(renderer, &frame.width, &frame.height) != 0)
        return Error{std::string("Could not measure the screen: ") + SDL_GetError()};
    frame.rgb.resize(static_cast<std::size_t>(frame.width) * static_cast<std::size_t>(frame.height));
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_RGB888, frame.rgb.data(), frame.width * 4) != 0)
        return Error{std::string("Could not read the screen: ") + SDL_GetError()};
    for (auto& pixel : frame.rgb) pixel &= 0xFFFFFF;
    return frame;
}

Status write_renderer_png(SDL_Renderer* renderer, const std::string& path) {
    int width = 0, height = 0;
    if (SDL_GetRendererOutputSize(renderer, &width, &height) != 0)
        return Error{std::string("Could not measure the screen for a screenshot: ") + SDL_GetError()};
    std::vector<unsigned char> pixels(static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 4);
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, pixels.data(), width * 4) != 0)
        return Error{std::string("Could not read the screen for a screenshot: ") + SDL_GetError()};
    if (!stbi_write_png(path.c_str(), width, height, 4, pixels.data(), width * 4))
        return Error{"Could not write the screenshot " + path + " (is the folder there and writable?)"};
    return ok_status();
}

}  // namespace sv
