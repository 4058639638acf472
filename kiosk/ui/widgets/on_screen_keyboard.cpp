#include "on_screen_keyboard.hpp"

#include <algorithm>
#include <cctype>

#include "kiosk_style.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"

namespace sv {
namespace {

constexpr float kGap = 10;

// Bigger text needs more room above a landscape keyboard, so its keys get shorter (still far
// above the smallest touch target).
float key_height(const ScreenCall& call) {
    return !call.area.portrait && call.view.fonts.scale > 1 ? 62.0f : 78.0f;
}

float key_width(float width) {
    return (width - kGap * 9) / 10;
}

}  // namespace

float on_screen_keyboard_height(const ScreenCall& call) {
    return 5 * key_height(call) + 4 * kGap;
}

void draw_on_screen_keyboard(const ScreenCall& call, ImVec2 top_left, float width, KeyboardUse use,
                             const std::string& done_label) {
    const auto& fonts = call.view.fonts;
    const bool capitals = call.state.capitals;
    const bool symbols = call.state.keyboard_symbols;
    const float kw = key_width(width);
    const float kKeyHeight = key_height(call);
    ImFont* letter_font = fonts.heading->FontSize * 1.2f <= kKeyHeight ? fonts.heading : fonts.body;
    const KeyboardRows& rows = symbols ? symbol_rows() : letter_rows(call.view.language, use);
    float y = top_left.y;
    for (const auto& keys : rows) {
        float x = top_left.x;
        for (const KeyboardKey& key : keys) {
            const std::string& typed = capitals && !symbols ? key.upper : key.lower;
            tap(call, button(key_target_id(key.lower), typed, ImVec2(x, y), ImVec2(kw, kKeyHeight)).in(letter_font),
                {IntentKind::type_text, 0, typed});
            x += kw + kGap;
        }
        y += kKeyHeight + kGap;
    }
    // Last row: Shift (2 keys wide), the other page (1), Space (3), Delete (2), Done (2).
    const float unit = kw + kGap;
    tap(call,
        button("key-shift", capitals ? "abc" : "ABC", ImVec2(top_left.x, y), ImVec2(unit * 2 - kGap, kKeyHeight))
            .selected_if(capitals)
            .enabled_if(!symbols)
            .in(fonts.body),
        {IntentKind::toggle_capitals});
    tap(call,
        button("key-page", symbols ? "abc" : "123", ImVec2(top_left.x + unit * 2, y), ImVec2(kw, kKeyHeight))
            .selected_if(symbols)
            .in(fonts.body),
        {IntentKind::toggle_keyboard_page});
    tap(call,
        button("key-space", tr("Space"), ImVec2(top_left.x + unit * 3, y), ImVec2(unit * 3 - kGap, kKeyHeight))
            .in(fonts.body),
        {IntentKind::type_text, 0, " "});
    tap(call,
        button("key-delete", tr("Delete"), ImVec2(top_left.x + unit * 6, y), ImVec2(unit * 2 - kGap, kKeyHeight))
            .in(fonts.body),
        {IntentKind::delete_char});
    tap(call,
        button("comment-done", done_label, ImVec2(top_left.x + unit * 8, y), ImVec2(unit * 2 - kGap, kKeyHeight))
            .primary()
            .in(fonts.body),
        {IntentKind::keyboard_done});
}

}  // namespace sv
