#include "sdl_text_shaper.hpp"

#include <fribidi.h>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace sv {
namespace {

// Debian's fonts-noto-core. Nastaliq is Urdu's own hand; it stands tall, so it is set a little
// smaller than the Latin text around it to keep to a comparable line.
struct ScriptFont {
    const char* regular;
    const char* bold;
    const char* harfbuzz_script;
    float scale;
};

const ScriptFont& script_font(SdlTextShaper::Script script) {
    static const ScriptFont latin{"/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
                                  "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf", "Latn", 1.0f};
    static const ScriptFont arabic{"/usr/share/fonts/truetype/noto/NotoNastaliqUrdu-Regular.ttf",
                                   "/usr/share/fonts/truetype/noto/NotoNastaliqUrdu-Bold.ttf", "Arab", 0.8f};
    static const ScriptFont gurmukhi{"/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Regular.ttf",
                                     "/usr/share/fonts/truetype/noto/NotoSansGurmukhi-Bold.ttf", "Guru", 1.0f};
    switch (script) {
        case SdlTextShaper::Script::arabic: return arabic;
        case SdlTextShaper::Script::gurmukhi: return gurmukhi;
        case SdlTextShaper::Script::latin: break;
    }
    return latin;
}

bool has_script(FriBidiChar c) {
    return script_of(c) != SdlTextShaper::Script::latin || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

std::string to_utf8(const FriBidiChar* chars, int count) {
    std::string out(static_cast<std::size_t>(count) * 4 + 1, '\0');
    const FriBidiStrIndex bytes = fribidi_unicode_to_charset(FRIBIDI_CHAR_SET_UTF8, chars, count, out.data());
    out.resize(static_cast<std::size_t>(bytes));
    return out;
}

}  // namespace

Result<std::unique_ptr<SdlTextShaper>> SdlTextShaper::create(SDL_Renderer* renderer, float sharpness) {
    for (Script script : {Script::latin, Script::arabic, Script::gurmukhi}) {
        const ScriptFont& f = script_font(script);
        if (!std::ifstream(f.regular).good() || !std::ifstream(f.bold).good())
            return Error{std::string("The font ") + f.regular +
                         " is missing, so Urdu and Punjabi cannot be shown. Install the fonts-noto-core package."};
    }
    int harfbuzz_major = 0, harfbuzz_minor = 0, harfbuzz_patch = 0;
    TTF_GetHarfBuzzVersion(&harfbuzz_major, &harfbuzz_minor, &harfbuzz_patch);
    if (harfbuzz_major == 0)
        return Error{
            "Urdu and Punjabi cannot be shown: this SDL2_ttf was built without HarfBuzz, which joins "
            "their letters."};
    if (TTF_Init() != 0)
        return Error{std::string("Urdu and Punjabi cannot be shown: the text shaper did not start (") + TTF_GetError() +
                     ")."};
    return std::unique_ptr<SdlTextShaper>(new SdlTextShaper(renderer, sharpness));
}

SdlTextShaper::~SdlTextShaper() {
    for (auto& [key, line] : lines_) SDL_DestroyTexture(static_cast<SDL_Texture*>(line.texture));
    for (auto& [key, font] : fonts_) TTF_CloseFont(font);
    TTF_Quit();
}

TTF_Font* SdlTextShaper::font(Script script, float pixel_size, bool bold) {
    const ScriptFont& f = script_font(script);
    const int size = std::max(8, static_cast<int>(std::lround(pixel_size * f.scale)));
    const auto key = std::make_tuple(static_cast<int>(script), size, bold);
    if (auto it = fonts_.find(key); it != fonts_.end()) return it->second;
    TTF_Font* opened = TTF_OpenFont(bold ? f.bold : f.regular, size);
    if (opened) TTF_SetFontScriptName(opened, f.harfbuzz_script);
    fonts_[key] = opened;
    return opened;
}

bool SdlTextShaper::font_has(Script script, unsigned codepoint) {
    TTF_Font* f = font(script, 32, false);
    return f && TTF_GlyphIsProvided32(f, codepoint);
}

std::vector<SdlTextShaper::Run> SdlTextShaper::visual_runs(const std::string& text) {
    std::vector<FriBidiChar> chars(text.size() + 1);
    const FriBidiStrIndex count = fribidi_charset_to_unicode(FRIBIDI_CHAR_SET_UTF8, text.c_str(),
                                                             static_cast<FriBidiStrIndex>(text.size()), chars.data());
    if (count <= 0) return {};
    std::vector<FriBidiCharType> types(static_cast<std::size_t>(count));
    std::vector<FriBidiBracketType> brackets(static_cast<std::size_t>(count));
    std::vector<FriBidiLevel> levels(static_cast<std::size_t>(count));
    fribidi_get_bidi_types(chars.data(), count, types.data());
    fribidi_get_bracket_types(chars.data(), count, types.data(), brackets.data());
    FriBidiParType direction = FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), count, &direction, levels.data()))
        return {Run{text, false, Script::latin}};

    // Runs in reading order: one level, and one script among the letters. Spaces, digits and
    // signs join the run they stand in when its font has them (Nastaliq has no "£" or '"').

    struct Span {
        int begin, end;
        FriBidiLevel level;
        Script script;
    };
    std::vector<Span> spans;
    for (int i = 0; i < count; ++i) {
        const auto at = static_cast<std::size_t>(i);
        const Script script = script_of(chars[at]);
        const bool fits_last =
            !spans.empty() && spans.back().level == levels[at] &&
            (has_script(chars[at]) ? spans.back().script == script : font_has(spans.back().script, chars[at]));
        if (fits_last) {
            spans.back().end = i + 1;
            continue;
        }
        spans.push_back({i, i + 1, levels[at], script});
    }
    // Unicode's rule L2: from the highest level down to the lowest odd one, reverse every
    // stretch of runs at that level or above.
    int highest = 0, lowest_odd = 1000;
    for (const auto& s : spans) {
        highest = std::max(highest, static_cast<int>(s.level));
        if (s.level % 2 == 1) lowest_odd = std::min(lowest_odd, static_cast<int>(s.level));
    }
    for (int level = highest; level >= lowest_odd && level > 0; --level) {
        for (std::size_t i = 0; i < spans.size();) {
            if (spans[i].level < level) {
                ++i;
                continue;
            }
            std::size_t j = i;
            while (j < spans.size() && spans[j].level >= level) ++j;
            std::reverse(spans.begin() + static_cast<long>(i), spans.begin() + static_cast<long>(j));
            i = j;
        }
    }
    // Arabic-script runs go to the shaper right to left. Spaces and brackets at a run's edge,
    // and runs of them between an Urdu word and a number, are placed here instead: reversed,
    // with each bracket turned to face the other way (rule L4), so they sit where a reader expects.
    std::vector<Run> runs;
    const auto add_neutral = [&](int begin, int end, bool right_to_left) {
        if (begin >= end) return;
        std::vector<FriBidiChar> part(chars.begin() + begin, chars.begin() + end);
        if (right_to_left) {
            std::reverse(part.begin(), part.end());
            for (FriBidiChar& c : part) fribidi_get_mirror_char(c, &c);
        }
        runs.push_back({to_utf8(part.data(), static_cast<int>(part.size())), false, Script::latin});
    };
    for (const auto& s : spans) {
        const bool right_to_left = s.level % 2 == 1;
        if (s.script == Script::latin) {
            add_neutral(s.begin, s.end, right_to_left);
            continue;
        }
        if (!right_to_left) {
            runs.push_back({to_utf8(chars.data() + s.begin, s.end - s.begin), false, s.script});
            continue;
        }
        int first = s.begin, last = s.end;
        while (first < last && !has_script(chars[static_cast<std::size_t>(first)])) ++first;
        while (last > first && !has_script(chars[static_cast<std::size_t>(last - 1)])) --last;
        // Seen left to right, a right-to-left run shows its end first.
        add_neutral(last, s.end, right_to_left);
        runs.push_back({to_utf8(chars.data() + first, last - first), right_to_left, s.script});
        add_neutral(s.begin, first, right_to_left);
    }
    return runs;
}

float SdlTextShaper::width(const std::string& text, float size, bool bold) {
    return pixel_width(text, size * sharpness_, bold) / sharpness_;
}

float SdlTextShaper::line_height(const std::string& text, float size) {
    return pixel_line_height(text, size * sharpness_) / sharpness_;
}

ShapedLine SdlTextShaper::line(const std::string& text, float size, bool bold) {
    ShapedLine shaped = pixel_line(text, size * sharpness_, bold);
    shaped.width /= sharpness_;
    shaped.height /= sharpness_;
    return shaped;
}

float SdlTextShaper::pixel_width(const std::string& text, float pixel_size, bool bold) {
    // Wrapping asks for the width of every candidate line, every frame: shape each once.
    const auto key = std::make_tuple(text, static_cast<int>(std::lround(pixel_size)), bold);
    if (auto it = widths_.find(key); it != widths_.end()) return it->second;
    int total = 0;
    for (const Run& run : visual_runs(text)) {
        TTF_Font* f = font(run.script, pixel_size, bold);
        if (!f) continue;
        TTF_SetFontDirection(f, run.right_to_left ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
        int w = 0, h = 0;
        if (TTF_SizeUTF8(f, run.text.c_str(), &w, &h) == 0) total += w;
    }
    return widths_[key] = static_cast<float>(total);
}

float SdlTextShaper::pixel_line_height(const std::string& text, float pixel_size) {
    const auto key = std::make_pair(text, static_cast<int>(std::lround(pixel_size)));
    if (auto it = line_heights_.find(key); it != line_heights_.end()) return it->second;
    int tallest = 0;
    for (const Run& run : visual_runs(text))
        if (TTF_Font* f = font(run.script, pixel_size, false)) tallest = std::max(tallest, TTF_FontHeight(f));
    return line_heights_[key] = std::max(static_cast<float>(tallest), pixel_size * 1.2f);
}

ShapedLine SdlTextShaper::pixel_line(const std::string& text, float pixel_size, bool bold) {
    const auto key = std::make_tuple(text, static_cast<int>(std::lround(pixel_size)), bold);
    if (auto it = lines_.find(key); it != lines_.end()) return it->second;

    struct Piece {
        SDL_Surface* surface;
        int ascent;
    };
    std::vector<Piece> pieces;
    int width = 0, ascent = 0, descent = 0;
    for (const Run& run : visual_runs(text)) {
        TTF_Font* f = font(run.script, pixel_size, bold);
        if (!f || run.text.empty()) continue;
        TTF_SetFontDirection(f, run.right_to_left ? TTF_DIRECTION_RTL : TTF_DIRECTION_LTR);
        SDL_Surface* surface = TTF_RenderUTF8_Blended(f, run.text.c_str(), SDL_Color{255, 255, 255, 255});
        if (!surface) continue;
        pieces.push_back({surface, TTF_FontAscent(f)});
        width += surface->w;
        ascent = std::max(ascent, TTF_FontAscent(f));
        descent = std::max(descent, surface->h - TTF_FontAscent(f));
    }
    ShapedLine shaped;
    const int height = std::max(static_cast<int>(pixel_line_height(text, pixel_size)), ascent + descent);
    SDL_Surface* whole =
        width > 0 ? SDL_CreateRGBSurfaceWithFormat(0, width, height, 32, SDL_PIXELFORMAT_ARGB8888) : nullptr;
    if (whole) {
        SDL_FillRect(whole, nullptr, SDL_MapRGBA(whole->format, 255, 255, 255, 0));
        int x = 0;
        for (const Piece& piece : pieces) {
            SDL_SetSurfaceBlendMode(piece.surface, SDL_BLENDMODE_NONE);
            SDL_Rect at{x, ascent - piece.ascent + (height - ascent - descent) / 2, piece.surface->w, piece.surface->h};
            SDL_BlitSurface(piece.surface, nullptr, whole, &at);
            x += piece.surface->w;
        }
        SDL_Texture* texture = SDL_CreateTextureFromSurface(renderer_, whole);
        if (texture) {
            SDL_SetTextureBlendMode(texture, SDL_BLENDMODE_BLEND);
            shaped = {texture, static_cast<float>(width), static_cast<float>(height)};
        }
        SDL_FreeSurface(whole);
    }
    for (const Piece& piece : pieces) SDL_FreeSurface(piece.surface);
    lines_[key] = shaped;
    return shaped;
}

void SdlTextShaper::forget_old_lines() {
    if (lines_.size() < 2000 && widths_.size() + line_heights_.size() < 20000) return;
    for (auto& [key, line] : lines_) SDL_DestroyTexture(static_cast<SDL_Texture*>(line.texture));
    lines_.clear();
    widths_.clear();
    line_heights_.clear();
}

bool SdlTextShaper::has_every_glyph(const std::string& text, bool bold) {
    for (const Run& run : visual_runs(text)) {
        TTF_Font* f = font(run.script, 32, bold);
        std::vector<FriBidiChar> chars(run.text.size() + 1);
        const FriBidiStrIndex count = fribidi_charset_to_unicode(
            FRIBIDI_CHAR_SET_UTF8, run.text.c_str(), static_cast<FriBidiStrIndex>(run.text.size()), chars.data());
        for (FriBidiStrIndex i = 0; i < count; ++i) {
            const FriBidiChar c = chars[static_cast<std::size_t>(i)];
            if (c == 0x200C || c == 0x200D) continue;  // joiners steer shaping; they have no glyph of their own
            if (!f || !TTF_GlyphIsProvided32(f, c)) return false;
        }
    }
    return true;
}

}  // namespace sv
