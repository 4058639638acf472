#include "viewing_buttons.hpp"

#include <algorithm>

#include "language_picker.hpp"
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

float read_aloud_width(const KioskFonts& fonts) {
    return text_width(fonts.small, tr("Read aloud")) + 40;
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
    ButtonSpec spec{"text-size",
                    label_for(call.state.text_size),
                    at,
                    text_size_button_size(call.view.fonts),
                    ButtonLook::secondary,
                    true,
                    call.view.fonts.small};
    if (touch_button(spec, call.targets)) call.intents.push_back({IntentKind::change_text_size, 0, {}});
}

float draw_text_size_button_top_right(const ScreenCall& call, float top) {
    const ScreenArea& a = call.area;
    const ImVec2 size = text_size_button_size(call.view.fonts);
    draw_text_size_button(call, ImVec2(a.width - a.margin - size.x, top));
    return a.inner_width() - size.x - 24;
}

void draw_contrast_button(const ScreenCall& call, ImVec2 at) {
    ButtonSpec spec{"high-contrast",
                    contrast_label(call.state.high_contrast),
                    at,
                    text_size_button_size(call.view.fonts),
                    call.state.high_contrast ? ButtonLook::selected : ButtonLook::secondary,
                    true,
                    call.view.fonts.small};
    if (touch_button(spec, call.targets)) call.intents.push_back({IntentKind::toggle_high_contrast, 0, {}});
}

float question_buttons_width(const ScreenCall& call) {
    const float language = language_button_width(call);
    return text_size_button_size(call.view.fonts).x + 16 + read_aloud_width(call.view.fonts) +
           (language > 0 ? language + 16 : 0);
}

float draw_question_buttons_top_right(const ScreenCall& call, float top) {
    const ScreenArea& a = call.area;
    const auto& fonts = call.view.fonts;
    const ImVec2 size = text_size_button_size(fonts);
    draw_text_size_button(call, ImVec2(a.width - a.margin - size.x, top));
    const float read_width = read_aloud_width(fonts);
    const float read_left = a.width - a.margin - size.x - 16 - read_width;
    ButtonSpec read{
        "read-aloud", tr("Read aloud"), ImVec2(read_left, top), ImVec2(read_width, size.y), ButtonLook::secondary,
        true,         fonts.small};
    if (touch_button(read, call.targets)) call.intents.push_back({IntentKind::read_aloud, 0, {}});
    draw_language_button(call, ImVec2(read_left - 16 - language_button_width(call), top));
    return a.inner_width() - question_buttons_width(call) - 24;
}

}  // namespace sv
