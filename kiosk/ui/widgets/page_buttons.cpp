#include "page_buttons.hpp"

#include <algorithm>

#include "kiosk_style.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"

namespace sv {

std::string page_label(int page, int pages) {
    return fill(tr("Page {1} of {2}"), {std::to_string(page), std::to_string(pages)});
}

float page_label_width(const KioskFonts& fonts, int pages) {
    return text_width(fonts.body, page_label(pages, pages)) + 48;
}

float page_button_width(const KioskFonts& fonts) {
    return std::max(text_width(fonts.body, tr("Previous page")), text_width(fonts.body, tr("Next page"))) + 48;
}

void draw_page_buttons(const ScreenCall& call, const PageButtons& turn, ImVec2 previous, ImVec2 next, ImVec2 size,
                       ImVec2 label_min, ImVec2 label_max) {
    const auto& fonts = call.view.fonts;
    // Both labels at one size, the size the longer one fits.
    const std::string previous_label = tr("Previous page"), next_label = tr("Next page");
    const std::string& longer =
        text_width(fonts.body, previous_label) > text_width(fonts.body, next_label) ? previous_label : next_label;
    ImFont* font = font_that_fits(fonts.body, longer, size.x - 16, size.y - 8);
    tap(call, button(turn.previous_id, previous_label, previous, size).enabled_if(turn.page > 0).in(font),
        {turn.turn, turn.page - 1});
    const std::string label = page_label(turn.page + 1, turn.pages);
    draw_centred_text(call.area.draw,
                      font_that_fits(fonts.body, label, label_max.x - label_min.x - 16, label_max.y - label_min.y),
                      label, label_min, label_max, palette().text);
    tap(call, button(turn.next_id, next_label, next, size).enabled_if(turn.page + 1 < turn.pages).in(font),
        {turn.turn, turn.page + 1});
}

void draw_page_row(const ScreenCall& call, const PageButtons& turn, ImVec2 at, float button_width, float label_width,
                   float height, float gap) {
    const float label_left = at.x + button_width + gap;
    const float next_left = label_left + label_width + gap;
    draw_page_buttons(call, turn, at, ImVec2(next_left, at.y), ImVec2(button_width, height), ImVec2(label_left, at.y),
                      ImVec2(label_left + label_width, at.y + height));
}

}  // namespace sv
