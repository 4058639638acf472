#include "text_layout.hpp"

#include <cfloat>

namespace sv {
namespace {

// Calls `line(begin, end)` for each line of `text` wrapped at `width`.
template <class LineFn>
void for_each_wrapped_line(ImFont* font, const std::string& text, float width, LineFn line) {
    const char* cursor = text.c_str();
    const char* end = cursor + text.size();
    const float scale = 1.0f;  // the font is baked at its drawn size
    while (cursor < end) {
        const char* newline = cursor;
        while (newline < end && *newline != '\n') ++newline;
        const char* line_end = font->CalcWordWrapPositionA(scale, cursor, newline, width);
        if (line_end == cursor) line_end = cursor + 1;
        if (line_end > newline) line_end = newline;
        line(cursor, line_end);
        cursor = line_end;
        while (cursor < end && *cursor == ' ') ++cursor;
        if (cursor < end && *cursor == '\n' && cursor == newline) ++cursor;
    }
}

}  // namespace

float draw_wrapped_text(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 top_left, float width,
                        ImU32 colour, Align align) {
    float y = top_left.y;
    const float line_height = font->FontSize * 1.2f;
    for_each_wrapped_line(font, text, width, [&](const char* begin, const char* end) {
        const float line_width = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, begin, end).x;
        float x = top_left.x;
        if (align == Align::centre) x += (width - line_width) / 2;
        if (align == Align::right) x += width - line_width;
        draw->AddText(font, font->FontSize, ImVec2(x, y), colour, begin, end);
        y += line_height;
    });
    return y - top_left.y;
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
    draw_wrapped_text(draw, font, text, ImVec2(box_min.x + 8, top), width, colour, Align::centre);
}

}  // namespace sv
