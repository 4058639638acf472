#include "text_layout.hpp"

#include <algorithm>
#include <cfloat>
#include <cstring>
#include <vector>

#include "mirrored_screen.hpp"
#include "placed_text.hpp"
#include "shaped_text.hpp"
#include "translated_text.hpp"

namespace sv {
namespace {

bool is_bold(const ImFont* font) {
    return font->ConfigData && std::strstr(font->ConfigData->Name, "Bold") != nullptr;
}

// The shaper, when `text` needs one and the frame has one.
TextShaper* shaper_for(const char* begin, const char* end) {
    TextShaper* shaper = text_shaper();
    return shaper && needs_shaping(std::string(begin, end)) ? shaper : nullptr;
}

float step_for(ImFont* font, TextShaper* shaper, const std::string& text) {
    return shaper ? shaper->line_height(text, font->FontSize) : font->FontSize * 1.2f;
}

float span_width(ImFont* font, TextShaper* shaper, const char* begin, const char* end) {
    if (shaper) return shaper->width(std::string(begin, end), font->FontSize, is_bold(font));
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, end).x;
}

// Draws one line; returns its width.
float draw_span(ImDrawList* draw, ImFont* font, TextShaper* shaper, ImVec2 at, ImU32 colour, const char* begin,
                const char* end) {
    const int first_vertex = draw->VtxBuffer.Size;
    float width = 0;
    if (!shaper) {
        // A bigger text size has its own atlas (see KioskFontSizes): its letters need its texture.
        const ImTextureID letters = font->ContainerAtlas->TexID;
        const bool other_texture = letters != draw->_CmdHeader.TextureId;
        if (other_texture) draw->PushTextureID(letters);
        draw->AddText(font, font->FontSize, at, colour, begin, end);
        if (other_texture) draw->PopTextureID();
        width = span_width(font, nullptr, begin, end);
    } else {
        const ShapedLine line = shaper->line(std::string(begin, end), font->FontSize, is_bold(font));
        if (line.texture)
            draw->AddImage(line.texture, at, ImVec2(at.x + line.width, at.y + line.height), ImVec2(0, 0), ImVec2(1, 1),
                           colour);
        width = line.width;
    }
    keep_unflipped(draw, first_vertex, at.x, at.x + width);
    return width;
}

// Where a line starting at `begin` must end to fit `width`: after the last whole word that
// fits. Unlike ImGui's own wrapping this never breaks after a comma or full stop inside a word,
// so "£50,000" stays whole. A word wider than the line is cut between two characters, and
// `word_cut` says so.
const char* line_end_at(ImFont* font, TextShaper* shaper, const char* begin, const char* end, float width,
                        bool& word_cut) {
    // Where the line could end: before each space, or at the end. A longer line is never narrower,
    // so the last that fits is found by halving: shaping Urdu or Punjabi, each width measured
    // is a line laid out by HarfBuzz, and trying every word in turn made a paragraph's first
    // frame take several frames' time.
    std::vector<const char*> ends;
    for (const char* space = begin; space < end; ++space)
        if (*space == ' ') ends.push_back(space);
    ends.push_back(end);
    const char* fits = nullptr;
    std::size_t low = 0, high = ends.size();  // ends[low, high) not yet known
    while (low < high) {
        const std::size_t middle = low + (high - low) / 2;
        if (span_width(font, shaper, begin, ends[middle]) > width) {
            high = middle;
        } else {
            fits = ends[middle];
            low = middle + 1;
        }
    }
    word_cut = false;
    if (fits && fits > begin) return fits;
    // A file's path (staff read them on the cannot-start screen) breaks after a slash.
    const char* cut = begin;
    const char* after_slash = nullptr;
    for (const char* c = begin + 1; c <= end; ++c) {
        if (c != end && (static_cast<unsigned char>(*c) & 0xC0) == 0x80) continue;  // inside a UTF-8 character
        if (span_width(font, shaper, begin, c) > width && cut > begin) break;
        cut = c;
        if (c[-1] == '/') after_slash = c;
    }
    if (after_slash && cut != end) return after_slash;
    word_cut = cut != end;
    return cut;
}

// Calls `line(begin, end, word_cut)` for each line of `text` wrapped at `width`.
template <class LineFn>
void for_each_wrapped_line(ImFont* font, const std::string& text, float width, LineFn line) {
    const char* cursor = text.c_str();
    const char* end = cursor + text.size();
    TextShaper* shaper = shaper_for(cursor, end);
    while (cursor < end) {
        const char* newline = cursor;
        while (newline < end && *newline != '\n') ++newline;
        bool word_cut = false;
        const char* line_end = line_end_at(font, shaper, cursor, newline, width, word_cut);
        line(cursor, line_end, word_cut);
        cursor = line_end;
        while (cursor < newline && *cursor == ' ') ++cursor;
        if (cursor == newline && newline < end) ++cursor;
    }
}

// Draws the wrapped lines and records where they went, inside `box` when there is one.
float draw_and_place(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 top_left, float width,
                     ImU32 colour, Align align, const ImVec2* box) {
    float y = top_left.y;
    TextShaper* shaper = shaper_for(text.c_str(), text.c_str() + text.size());
    const float step = step_for(font, shaper, text);
    // Right-to-left text starts at the right where left-to-right text starts at the left (a
    // mirrored screen moves it there by itself).
    if (align == Align::left && reads_right_to_left(text) && !screen_is_mirrored()) align = Align::right;
    PlacedText placed{text,
                      ImVec2(FLT_MAX, top_left.y),
                      ImVec2(-FLT_MAX, top_left.y),
                      box != nullptr,
                      {},
                      {},
                      width,
                      font->FontSize,
                      0,
                      false};
    for_each_wrapped_line(font, text, width, [&](const char* begin, const char* end, bool word_cut) {
        ++placed.lines;
        placed.word_cut = placed.word_cut || word_cut;
        const float line_width = span_width(font, shaper, begin, end);
        float x = top_left.x;
        if (align == Align::centre) x += (width - line_width) / 2;
        if (align == Align::right) x += width - line_width;
        draw_span(draw, font, shaper, ImVec2(x, y), colour, begin, end);
        placed.min.x = std::min(placed.min.x, x);
        placed.max.x = std::max(placed.max.x, x + line_width);
        y += step;
    });
    // The last line's box ends at the font's height, not at the next line's start.
    const float ink = shaper ? step : font->FontSize;
    placed.max.y = y > top_left.y ? y - step + ink : y;
    if (box) {
        placed.box_min = box[0];
        placed.box_max = box[1];
    }
    if (placed.max.x > placed.min.x) note_placed_text(std::move(placed));
    return y - top_left.y;
}

}  // namespace

float draw_wrapped_text(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 top_left, float width,
                        ImU32 colour, Align align) {
    return draw_and_place(draw, font, text, top_left, width, colour, align, nullptr);
}

void draw_text_line(ImDrawList* draw, ImFont* font, ImVec2 top_left, ImU32 colour, const std::string& text) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    TextShaper* shaper = shaper_for(begin, end);
    const float width = draw_span(draw, font, shaper, top_left, colour, begin, end);
    const float ink = shaper ? step_for(font, shaper, text) : font->FontSize;
    note_placed_text(
        {text, top_left, ImVec2(top_left.x + width, top_left.y + ink), false, {}, {}, 0, font->FontSize, 1, false});
}

// The language's own name stands for its script: Nastaliq needs about twice Latin's room.
float line_height(ImFont* font) {
    const std::string& sample = translation().own_name;
    TextShaper* shaper = shaper_for(sample.c_str(), sample.c_str() + sample.size());
    return step_for(font, shaper, sample);
}

float one_line_height(ImFont* font) {
    const std::string& sample = translation().own_name;
    return shaper_for(sample.c_str(), sample.c_str() + sample.size()) ? line_height(font) : font->FontSize;
}

float one_line_height(ImFont* font, const std::string& text) {
    TextShaper* shaper = shaper_for(text.c_str(), text.c_str() + text.size());
    return shaper ? step_for(font, shaper, text) : font->FontSize;
}

float text_width(ImFont* font, const std::string& text) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    return span_width(font, shaper_for(begin, end), begin, end);
}

bool reads_well_in(ImFont* font, const std::string& text, float width) {
    if (text_width(font, text) <= width) return true;
    if (width < kNarrowestColumnEms * font->FontSize) return false;
    // A column of a few words still cuts a word longer than it.
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find(' ', start), text.size());
        if (text_width(font, text.substr(start, end - start)) > width) return false;
        start = end + 1;
    }
    return true;
}

float wrapped_text_height(ImFont* font, const std::string& text, float width) {
    int lines = 0;
    for_each_wrapped_line(font, text, width, [&](const char*, const char*, bool) { ++lines; });
    return static_cast<float>(lines) * step_for(font, shaper_for(text.c_str(), text.c_str() + text.size()), text);
}

std::vector<std::string> text_pages(ImFont* font, const std::string& text, float width, int lines_per_page) {
    std::vector<std::string> pages;
    const char* page_begin = nullptr;
    const char* page_end = nullptr;
    int lines = 0;
    for_each_wrapped_line(font, text, width, [&](const char* begin, const char* end, bool) {
        if (!page_begin) page_begin = begin;
        page_end = end;
        if (++lines == std::max(1, lines_per_page)) {
            pages.emplace_back(page_begin, page_end);
            page_begin = nullptr;
            lines = 0;
        }
    });
    if (page_begin) pages.emplace_back(page_begin, page_end);
    if (pages.empty()) pages.emplace_back();
    return pages;
}

std::string shorten_to_fit(ImFont* font, const std::string& text, float width, int max_lines) {
    const float room =
        static_cast<float>(max_lines) * step_for(font, shaper_for(text.c_str(), text.c_str() + text.size()), text) +
        0.5f;
    if (wrapped_text_height(font, text, width) <= room) return text;
    std::string cut = text;
    while (!cut.empty()) {
        const auto space = cut.find_last_of(' ');
        cut.resize(space == std::string::npos ? 0 : space);
        while (!cut.empty() && (cut.back() == ',' || cut.back() == '.' || cut.back() == ' ')) cut.pop_back();
        if (wrapped_text_height(font, cut + "...", width) <= room) return cut + "...";
    }
    return "...";
}

ImFont* font_that_fits(ImFont* wanted, const std::string& text, float width, float room) {
    const auto fits = [&](ImFont* font) { return wrapped_text_height(font, text, width) <= room; };
    if (fits(wanted)) return wanted;
    ImFont* best = nullptr;
    // The smaller fonts of its own text size, and the standard size's (the default font's).
    for (const ImFontAtlas* atlas : {wanted->ContainerAtlas, ImGui::GetIO().FontDefault->ContainerAtlas})
        for (ImFont* font : atlas->Fonts)
            if (font->FontSize < wanted->FontSize && font->FontSize >= 20 && fits(font) &&
                (!best || font->FontSize > best->FontSize))
                best = font;
    return best ? best : wanted;
}

void draw_centred_text(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 box_min, ImVec2 box_max,
                       ImU32 colour) {
    const float width = box_max.x - box_min.x - 16;
    const float height = wrapped_text_height(font, text, width);
    const bool shaped = shaper_for(text.c_str(), text.c_str() + text.size()) != nullptr;
    const float top = box_min.y + (box_max.y - box_min.y - height) / 2 + (shaped ? 0 : font->FontSize * 0.1f);
    const ImVec2 box[2] = {box_min, box_max};
    draw_and_place(draw, font, text, ImVec2(box_min.x + 8, top), width, colour, Align::centre, box);
}

}  // namespace sv
