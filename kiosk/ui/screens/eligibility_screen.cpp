#include <algorithm>
#include <string>

#include "kiosk_style.hpp"
#include "on_screen_keyboard.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "translated_text.hpp"
#include "typing_header.hpp"
#include "viewing_buttons.hpp"

namespace sv {

// Before a ballot only some may cast: the code from the citizen's letter, or their postcode.
void draw_eligibility_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const KioskState& s = call.state;
    const bool code = s.screen == Screen::voter_code;
    const float width = a.inner_width();

    const float keyboard_width = std::min(width, 1100.0f);
    const float keyboard_top = a.height - a.margin / 2 - on_screen_keyboard_height(call, KeyboardUse::code) - 8;

    const std::string heading = code ? tr("Type your voting code") : tr("What is your postcode?");
    float y = draw_typing_header(call, heading, WayOut{"entry-cancel", tr("Cancel"), {IntentKind::back, 0, {}}});
    const std::string why = code ? tr("It is on the letter the council sent you. Each code can vote once.")
                                 : tr("This vote is for people who live in the area. We only check it: your "
                                      "postcode is not kept.");
    ImFont* why_font = a.portrait ? fonts.body : fonts.small;
    // Landscape has little room above the keyboard: a refusal says enough, so it takes this line's place.
    if (a.portrait || s.notice.empty())
        y += 8 + draw_wrapped_text(a.draw, why_font, why, ImVec2(a.margin, y + 8), width, palette().text);
    y += 16;

    // Landscape puts a refusal beside the box, to leave the keyboard its room.
    const float box_width = a.portrait ? width : 460.0f;
    const float box_height = 84;
    const ImVec2 box_min(a.margin, y), box_max(a.margin + box_width, y + box_height);
    a.draw->AddRectFilled(box_min, box_max, palette().surface, 12);
    a.draw->AddRect(box_min, box_max, palette().primary, 12, 0, 4);
    const std::string shown =
        s.typed_code.empty() ? fill(tr("e.g. {1}"), {code ? "KX7P M2QR 9T" : "RV1 2AB"}) : s.typed_code + "|";
    draw_text_line(a.draw, fonts.heading,
                   ImVec2(box_min.x + 24, box_min.y + (box_height - one_line_height(fonts.heading, shown)) / 2),
                   s.typed_code.empty() ? palette().muted_text : palette().text, shown);

    if (!s.notice.empty()) {
        const float pad = 14;
        const ImVec2 at = a.portrait ? ImVec2(a.margin, y + box_height + 20) : ImVec2(box_max.x + 24, y);
        const float notice_width = a.width - a.margin - at.x;
        const std::string notice = tr(s.notice);
        // Long words (Polish, big text) step down a size rather than run into the keyboard.
        ImFont* font = font_that_fits(a.portrait ? fonts.body : fonts.small, notice, notice_width - 2 * pad,
                                      keyboard_top - 16 - at.y - 2 * pad);
        const float notice_height = wrapped_text_height(font, notice, notice_width - 2 * pad) + 2 * pad;
        a.draw->AddRectFilled(at, ImVec2(at.x + notice_width, at.y + notice_height), palette().warning_fill, 12);
        a.draw->AddRect(at, ImVec2(at.x + notice_width, at.y + notice_height), palette().warning_edge, 12, 0, 3);
        draw_wrapped_text(a.draw, font, notice, ImVec2(at.x + pad, at.y + pad), notice_width - 2 * pad, palette().text);
    }
    draw_on_screen_keyboard(call, ImVec2(a.margin + (width - keyboard_width) / 2, keyboard_top), keyboard_width,
                            KeyboardUse::code, tr("Check"));
}

}  // namespace sv
