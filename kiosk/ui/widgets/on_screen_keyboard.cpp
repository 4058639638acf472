#include "on_screen_keyboard.hpp"

#include <algorithm>
#include <cctype>

#include "kiosk_style.hpp"
#include "mirrored_screen.hpp"
#include "shaped_text.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"

namespace sv {
namespace {

constexpr float kGap = 10;

// Bigger text needs more room above a landscape keyboard, so its keys get shorter (still far
// above the smallest touch target); so does a code's, whose screen has its own row of buttons
// under the keyboard ("about you": Back, Prefer not to say).
float key_height(const ScreenCall& call, KeyboardUse use) {
    return !call.area.portrait && (call.view.fonts.scale > 1 || use == KeyboardUse::code) ? 62.0f : 78.0f;
}

}  // namespace

float on_screen_keyboard_height(const ScreenCall& call, KeyboardUse use) {
    const std::string& language = call.view.language;
    const std::size_t rows = std::max({letter_rows(language, use).size(), symbol_rows(language).size(),
                                       letter_rows("en", KeyboardUse::words).size()}) +
                             1;  // and the row with Space
    const float count = static_cast<float>(rows);
    return count * key_height(call, use) + (count - 1) * kGap;
}

void draw_on_screen_keyboard(const ScreenCall& call, ImVec2 top_left, float width, KeyboardUse use,
                             const std::string& done_label) {
    const auto& fonts = call.view.fonts;
    const std::string& language = call.view.language;
    const bool symbols = call.state.keyboard_symbols;
    // Urdu and Punjabi: their own letters, and Latin ones a key away.
    const std::string script = use == KeyboardUse::words ? own_script_name(language) : std::string();
    const bool latin = !script.empty() && call.state.keyboard_latin;
    const KeyboardRows& rows = symbols ? symbol_rows(language) : letter_rows(latin ? "en" : language, use);
    bool has_capitals = false;
    for (const auto& keys : rows)
        for (const KeyboardKey& key : keys) has_capitals = has_capitals || key.upper != key.lower;
    const bool capitals = call.state.capitals && has_capitals;
    const float kKeyHeight = key_height(call, use);
    ImFont* letter_font = fonts.heading->FontSize * 1.2f <= kKeyHeight ? fonts.heading : fonts.body;
    float y = top_left.y;
    for (const auto& keys : rows) {
        const float count = static_cast<float>(keys.size());
        const float kw = (width - kGap * (count - 1)) / count;
        // Urdu's letters run from the right, as it is read (typing screens are not mirrored).
        const bool from_right = !keys.empty() && reads_right_to_left(keys.front().lower) && !screen_is_mirrored();
        const float step = from_right ? -(kw + kGap) : kw + kGap;
        float x = from_right ? top_left.x + width - kw : top_left.x;
        for (const KeyboardKey& key : keys) {
            const std::string& typed = capitals ? key.upper : key.lower;
            tap(call, button(key_target_id(key.lower), typed, ImVec2(x, y), ImVec2(kw, kKeyHeight)).in(letter_font),
                {IntentKind::type_text, 0, typed});
            x += step;
        }
        y += kKeyHeight + kGap;
    }
    // Last row, in tenths of the width: Shift (2, or 1 beside the script key), the other
    // page (1), Space (3), Delete (2), Done (2).
    const float unit = (width + kGap) / 10;
    const auto at = [&](float units) { return ImVec2(top_left.x + unit * units, y); };
    const auto wide = [&](float units) { return ImVec2(unit * units - kGap, kKeyHeight); };
    const float shift_units = script.empty() ? 2 : 1;
    tap(call,
        button("key-shift", capitals ? "abc" : "ABC", at(0), wide(shift_units))
            .selected_if(capitals)
            .enabled_if(has_capitals)
            .in(fonts.body),
        {IntentKind::toggle_capitals});
    if (!script.empty())
        tap(call, button("key-script", latin ? script : "A-Z", at(1), wide(1)).selected_if(latin).in(fonts.body),
            {IntentKind::toggle_keyboard_script});
    tap(call, button("key-page", symbols ? "abc" : "123", at(2), wide(1)).selected_if(symbols).in(fonts.body),
        {IntentKind::toggle_keyboard_page});
    tap(call, button("key-space", tr("Space"), at(3), wide(3)).in(fonts.body), {IntentKind::type_text, 0, " "});
    tap(call, button("key-delete", tr("Delete"), at(6), wide(2)).in(fonts.body), {IntentKind::delete_char});
    tap(call, button("comment-done", done_label, at(8), wide(2)).primary().in(fonts.body), {IntentKind::keyboard_done});
}

}  // namespace sv
