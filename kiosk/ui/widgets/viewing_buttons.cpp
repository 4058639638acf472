#include "viewing_buttons.hpp"

#include <algorithm>

#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"

namespace sv {
namespace {

std::string label_for(TextSize size) {
    return size == TextSize::very_large ? tr("Smaller text") : tr("Bigger text");
}

std::string contrast_label(bool high_contrast) {
    return high_contrast ? tr("Normal colours") : tr("High contrast");
}

}  // namespace

ImVec2 text_size_button_size(const KioskFonts& fonts) {
    // As wide as the widest label, so the buttons line up and do not jump as labels change.
    float label = 0;
    for (const std::string& words :
         {label_for(TextSize::standard), label_for(TextSize::very_large), contrast_label(false), contrast_label(true)})
        label = std::max(label, text_width(fonts.small, words));
    return ImVec2(label + 40, std::max(64.0f, line_height(fonts.small) + 30));
}

void draw_text_size_button(const ScreenCall& call, ImVec2 at) {
    tap(call,
        button("text-size", label_for(call.state.text_size), at, text_size_button_size(call.view.fonts))
            .in(call.view.fonts.small),
        {IntentKind::change_text_size});
}

float draw_text_size_button_top_right(const ScreenCall& call, float top) {
    const ScreenArea& a = call.area;
    const ImVec2 size = text_size_button_size(call.view.fonts);
    draw_text_size_button(call, ImVec2(a.width - a.margin - size.x, top));
    return a.inner_width() - size.x - 24;
}

void draw_contrast_button(const ScreenCall& call, ImVec2 at) {
    tap(call,
        button("high-contrast", contrast_label(call.state.high_contrast), at, text_size_button_size(call.view.fonts))
            .selected_if(call.state.high_contrast)
            .in(call.view.fonts.small),
        {IntentKind::toggle_high_contrast});
}

}  // namespace sv
