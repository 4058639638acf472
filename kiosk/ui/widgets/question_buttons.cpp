#include "question_buttons.hpp"

#include "language_picker.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "viewing_buttons.hpp"

namespace sv {
namespace {

float read_aloud_width(const KioskFonts& fonts) {
    return text_width(fonts.small, tr("Read aloud")) + 40;
}

}  // namespace

float question_buttons_width(const ScreenCall& call) {
    const float language = language_button_width(call, LanguageButton::word_only);
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
    tap(call,
        button("read-aloud", tr("Read aloud"), ImVec2(read_left, top), ImVec2(read_width, size.y)).in(fonts.small),
        {IntentKind::read_aloud});
    draw_language_button(call, ImVec2(read_left - 16 - language_button_width(call, LanguageButton::word_only), top),
                         LanguageButton::word_only);
    return a.inner_width() - question_buttons_width(call) - 24;
}

}  // namespace sv
