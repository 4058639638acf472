#pragma once
// Placing text: wrapped to a width, or centred in a box. Every function returns or
// respects the space the text really takes, so screens can stack blocks without overlap.
#include <string>
#include <vector>

#include "imgui.h"

namespace sv {

enum class Align { left, centre, right };

// Text that wraps needs a column of a few words: about this many times its font size.
constexpr float kNarrowestColumnEms = 6;

// Draws `text` wrapped to `width` starting at `top_left` (aligned within the width);
// returns the height used.
float draw_wrapped_text(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 top_left, float width,
                        ImU32 colour, Align align = Align::left);
// One line, unwrapped, its top left at `top_left`.
void draw_text_line(ImDrawList* draw, ImFont* font, ImVec2 top_left, ImU32 colour, const std::string& text);
float text_width(ImFont* font, const std::string& text);
// From one line's top to the next, in the frame's language (Urdu's Nastaliq stands tall).
float line_height(ImFont* font);
// The height of a single line of text in the frame's language.
float one_line_height(ImFont* font);
// The height of `text` itself on one line (a code in Latin letters on an Urdu screen stands as
// tall as its font, not as tall as Urdu).
float one_line_height(ImFont* font, const std::string& text);
// Whether `text` reads well in a column `width` wide: on one line, or a few words to a line
// with none of them cut in two.
bool reads_well_in(ImFont* font, const std::string& text, float width);
// Height that draw_wrapped_text would use.
float wrapped_text_height(ImFont* font, const std::string& text, float width);
// `text` wrapped at `width` and cut into pages of `lines_per_page` lines (at least one), each
// page wrapping to the same lines when drawn on its own.
std::vector<std::string> text_pages(ImFont* font, const std::string& text, float width, int lines_per_page);
// `text` cut at a word and ended with "..." so that it wraps to at most `max_lines` at `width`.
std::string shorten_to_fit(ImFont* font, const std::string& text, float width, int max_lines);
// `wanted`, or when `text` wrapped to `width` would be taller than `room`, the largest smaller
// font (not under 20 px) it fits in; `wanted` if none does.
ImFont* font_that_fits(ImFont* wanted, const std::string& text, float width, float room);
// Draws `text` centred (each line on its own) in the box, wrapped to its width.
void draw_centred_text(ImDrawList* draw, ImFont* font, const std::string& text, ImVec2 box_min, ImVec2 box_max,
                       ImU32 colour);

}  // namespace sv
