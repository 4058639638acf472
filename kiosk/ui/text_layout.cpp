#include "text_layout.hpp"

#include <algorithm>
#include <cfloat>

#include "placed_text.hpp"

namespace sv {
namespace {

float span_width(ImFont* font, const char* begin, const char* end) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, end).x;
}

// Where a line starting at `begin` must end to fit `width`: after the last whole word that
// fits. Unlike ImGui's own wrapping this never breaks after a comma or full stop inside a word,
// so "£50,000" stays whole. A word wider than the line is cut between two characters.
const char* line_end_at(ImFont* font, const char* begin, const char* end, float width) {
    const char* fits = nullptr;
    for (const char* space = begin; space <= end; ++space) {
        if (space != end && *space != ' ') continue;
        if (span_width(font, begin, space) > width) break;
        fits = space;
        if (space == end) break;
    }
    if (fits && fits > begin) return fits;
    const char* cut = begin;
    for (const char* c = begin + 1; c <= end; ++c) {
        if (c != end && (static_cast<unsigned char>(*c) & 0xC0) == 0x80) continue;  // inside a UTF-8 character
        if (span_width(font, begin, c) > width && cut > begin) break;
        cut = c;
    }
    return cut;
}

// Calls `line(begin, end)` for each line of `text` wrapped at `width`.
template <class LineFn>
void for_each_wrapped_line(ImFont* font, const std::string& text, float width, LineFn line) {
    const char* cursor = text.c_str();
    const char* end = cursor + text.size();
    while (cursor < end) {
        const char* newline = cursor;
        while (newline < end && *newline != '\n') ++newline;
        const char* line_end = line_end_at(font, cursor, newline, width);
        line(cursor, line_end);
        cursor = line_end;
        while (cursor < newline && *cursor == ' ') ++cursor;
        if (cursor == newline && newline < end) ++cursor;
    }
}

// Draws the wrapped lines and records where they went, inside `box` when there is one.
float draw_and_place(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 top_left, float width,
                     ImU32 colour, Align align, const ImVec2* box) {
    float y = top_left.y;
    const float line_height = font->FontSize * 1.2f;
    PlacedText placed{text, ImVec2(FLT_MAX, top_left.y), ImVec2(-FLT_MAX, top_left.y), box != nullptr, {}, {}};
    for_each_wrapped_line(font, text, width, [&](const char* begin, const char* end) {
        const float line_width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, end).x;
        float x = top_left.x;
        if (align == Align::centre) x += (width - line_width) / 2;
        if (align == Align::right) x += width - line_width;
        draw->AddText(font, font->FontSize, ImVec2(x, y), colour, begin, end);
        placed.min.x = std::min(placed.min.x, x);
        placed.max.x = std::max(placed.max.x, x + line_width);
        y += line_height;
    });
    // The last line's box ends at the font's height, not at the next line's start.
    placed.max.y = y > top_left.y ? y - line_height + font->FontSize : y;
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
    draw->AddText(font, font->FontSize, top_left, colour, text.c_str(), text.c_str() + text.size());
    const float width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str(), text.c_str() + text.size()).x;
    note_placed_text({text, top_left, ImVec2(top_left.x + width, top_left.y + font->FontSize), false, {}, {}});
}

float text_width(ImFont* font, const std::string& text) {
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, text.c_str(), text.c_str() + text.size()).x;
}

float wrapped_text_height(ImFont* font, const std::string& text, float width) {
    int lines = 0;
    for_each_wrapped_line(font, text, width, [&](const char*, const char*) { ++lines; });
    return static_cast<float>(lines) * font->FontSize * 1.2f;
}

std::string shorten_to_fit(ImFont* font, const std::string& text, float width, int max_lines) {
    const float room = static_cast<float>(max_lines) * font->FontSize * 1.2f + 0.5f;
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

void draw_centred_text(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 box_min, ImVec2 box_max,
                       ImU32 colour) {
    const float width = box_max.x - box_min.x - 16;
    const float height = wrapped_text_height(font, text, width);
    const float top = box_min.y + (box_max.y - box_min.y - height) / 2 + font->FontSize * 0.1f;
    const ImVec2 box[2] = {box_min, box_max};
    draw_and_place(draw, font, text, ImVec2(box_min.x + 8, top), width, colour, Align::centre, box);
}

}  // namespace sv
