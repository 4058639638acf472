#include <algorithm>

#include "kiosk_style.hpp"
#include "on_screen_keyboard.hpp"
#include "place_standard.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "translated_text.hpp"
#include "typing_header.hpp"
#include "viewing_buttons.hpp"

namespace sv {

void draw_comment_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const KioskState& s = call.state;
    const Theme& theme = place_standard_themes(s.answers.version)[static_cast<std::size_t>(s.theme_index)];
    const float width = a.inner_width();

    const float keyboard_width = std::min(width, 1100.0f);
    const float keyboard_height = on_screen_keyboard_height(call, KeyboardUse::words);
    const float keyboard_top = a.height - a.margin / 2 - keyboard_height - 8;

    float y = draw_typing_header(call, fill(tr("Your comment: {1}"), {tr(theme.title)}),
                                 WayOut{"comment-cancel", tr("Cancel"), {IntentKind::comment_cancel, 0, {}}});
    y += 16;

    // The text box grows to fill the space above the keyboard.
    const float box_bottom = keyboard_top - 24;
    const ImVec2 box_min(a.margin, y), box_max(a.width - a.margin, box_bottom);
    a.draw->AddRectFilled(box_min, box_max, palette().surface, 12);
    a.draw->AddRect(box_min, box_max, palette().outline, 12, 0, 3);
    const ImVec2 text_at(box_min.x + 20, box_min.y + 16);
    const float text_width = box_max.x - box_min.x - 40;
    if (s.comment_draft.empty()) {
        draw_wrapped_text(a.draw, fonts.body, tr("Type your comment with the keys below."), text_at, text_width,
                          palette().muted_text);
    } else {
        // Show the end of a long comment: that is where the citizen is typing.
        const std::string shown = s.comment_draft + "|";
        const float max_height = box_max.y - box_min.y - 32;
        std::size_t start = 0;
        while (start < shown.size() && wrapped_text_height(fonts.body, shown.substr(start), text_width) > max_height)
            start = shown.find(' ', start + 1) == std::string::npos ? start + 1 : shown.find(' ', start + 1) + 1;
        draw_wrapped_text(a.draw, fonts.body, shown.substr(start), text_at, text_width, palette().text);
    }

    draw_on_screen_keyboard(call, ImVec2(a.margin + (width - keyboard_width) / 2, keyboard_top), keyboard_width,
                            KeyboardUse::words, tr("Done"));
}

}  // namespace sv
