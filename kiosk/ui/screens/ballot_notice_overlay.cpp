#include <algorithm>
#include <string>

#include "dialog_card.hpp"
#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"

namespace sv {

// Why the last touch on a budget vote did nothing ("That would go over the budget…"), over
// the cards: it is read before anything else is touched, and the cards keep all their room.
void draw_ballot_notice_overlay(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float width = std::min(a.inner_width(), 820.0f);
    const float pad = 48, edge = 10;
    const float text_width = width - 2 * pad - edge;
    const std::string notice = tr(call.state.notice);
    const float button_height = 100;
    const float height = pad + wrapped_text_height(fonts.body, notice, text_width) + 40 + button_height + pad;
    const float left = (a.width - width) / 2;
    float y = (a.height - height) / 2;
    draw_dialog_card(a, ImVec2(left, y), ImVec2(width, height));
    // A warning stripe down the card's leading edge, in the notice's colours.
    a.draw->AddRectFilled(ImVec2(left + 3, y + 20), ImVec2(left + 3 + edge, y + height - 20), palette().warning_edge);
    y += pad;
    y += draw_wrapped_text(a.draw, fonts.body, notice, ImVec2(left + pad + edge, y), text_width, palette().text);
    y += 40;
    tap(call,
        button("notice-ok", tr("OK"), ImVec2(left + pad + edge, y), ImVec2(text_width, button_height))
            .primary()
            .in(fonts.heading),
        {IntentKind::dismiss_notice});
}

}  // namespace sv
