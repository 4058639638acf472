#pragma once
// Urdu and Punjabi shaped by SDL2_ttf (built with HarfBuzz) into textures ImGui draws as images.
// FriBidi splits a line into runs of one direction (an Urdu sentence holding "RV1" or "14"),
// each run is shaped in its own script and font, and the runs are laid side by side in the
// order a reader sees them.
#include <SDL.h>
#include <SDL_ttf.h>

#include <map>
#include <memory>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

#include "result.hpp"
#include "shaped_text.hpp"

namespace sv {

class SdlTextShaper : public TextShaper {
public:
    // Fails in plain words when SDL2_ttf cannot start or a script's font is not installed.
    // Sizes are in layout units; `sharpness` screen pixels per unit is what the pictures are made at.
    static Result<std::unique_ptr<SdlTextShaper>> create(SDL_Renderer* renderer, float sharpness = 1);
    ~SdlTextShaper() override;
    SdlTextShaper(const SdlTextShaper&) = delete;
    SdlTextShaper& operator=(const SdlTextShaper&) = delete;

    float width(const std::string& text, float size, bool bold) override;
    ShapedLine line(const std::string& text, float size, bool bold) override;
    float line_height(const std::string& text, float size) override;
    // Drops the kept pictures and measures once there are many (a long day of changing screens).
    void forget_old_lines();
    // Every character of `text` has a glyph in the font its script is drawn with.
    bool has_every_glyph(const std::string& text, bool bold);

    using Script = sv::Script;
    struct Run {
        std::string text;
        bool right_to_left = false;
        Script script = Script::latin;
    };
    // `text` cut into runs of one direction and script, in the order they are seen left to right.
    std::vector<Run> visual_runs(const std::string& text);

private:
    SdlTextShaper(SDL_Renderer* renderer, float sharpness) : renderer_(renderer), sharpness_(sharpness) {}
    float pixel_width(const std::string& text, float pixel_size, bool bold);
    float pixel_line_height(const std::string& text, float pixel_size);
    ShapedLine pixel_line(const std::string& text, float pixel_size, bool bold);
    TTF_Font* font(Script script, float pixel_size, bool bold);
    bool font_has(Script script, unsigned codepoint);

    SDL_Renderer* renderer_;
    float sharpness_;
    std::map<std::tuple<int, int, bool>, TTF_Font*> fonts_;           // script, pixel size, bold
    std::map<std::tuple<std::string, int, bool>, ShapedLine> lines_;  // text, pixel size, bold
    std::map<std::tuple<std::string, int, bool>, float> widths_;
    std::map<std::pair<std::string, int>, float> line_heights_;
};

}  // namespace sv
