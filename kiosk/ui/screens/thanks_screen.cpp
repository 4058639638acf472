#include <algorithm>
#include <cmath>
#include <string>

#include "compass.hpp"
#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"
#include "translated_text.hpp"
#include "viewing_buttons.hpp"

namespace sv {

namespace {

// The button `width` wide from `left`, the countdown above it across `words_left`..+`words_width`;
// returns the top of the countdown.
float draw_finish_button(const ScreenCall& call, float left, float width, float words_left, float words_width) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float button_height = 110;
    const float button_y = a.height - a.margin - button_height;
    const int seconds = static_cast<int>(std::ceil(std::max(0.0, call.state.thanks_seconds_left)));
    const std::string countdown = fill(tr("This screen clears in {1} seconds."), {std::to_string(seconds)});
    const float countdown_height = wrapped_text_height(fonts.small, countdown, words_width);
    draw_wrapped_text(a.draw, fonts.small, countdown, ImVec2(words_left, button_y - countdown_height - 14), words_width,
                      palette().muted_text, words_width > width ? Align::centre : Align::left);
    tap(call,
        button("finish", tr("Finish"), ImVec2(left, button_y), ImVec2(width, button_height))
            .primary()
            .in(fonts.heading),
        {IntentKind::finish});
    return button_y - countdown_height - 14;
}

// After a budget vote: no compass, just a clear "it is counted".
void draw_vote_thanks(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const float width = std::min(a.inner_width(), 900.0f);
    const float left = (a.width - width) / 2;
    draw_text_size_button_top_right(call, a.margin / 2);
    const Activity* activity = call.view.campaign.activity(call.state.activity_id);
    const bool vote = activity && activity->type == ActivityType::budget_vote;
    const std::string thanks = tr("Thank you!");
    const std::string saved = vote ? tr("Your vote is saved and will be counted.") : tr("Your answer is saved.");
    const std::string next =
        vote ? tr("The council will share which projects won. Please let the next person have a go.")
             : tr("The council will share what people said. Please let the next person have a go.");
    const float finish_top = draw_finish_button(call, left + width / 4, width / 2, left, width);
    // Big text in a tall script (Urdu on its side) first starts the words higher, then steps
    // them down a size each, so that they end above the countdown.
    ImFont* thanks_font = fonts.display;
    ImFont* saved_font = fonts.heading;
    ImFont* next_font = fonts.body;
    const auto words_height = [&] {
        return wrapped_text_height(thanks_font, thanks, width) + 16 + wrapped_text_height(saved_font, saved, width) +
               20 + wrapped_text_height(next_font, next, width);
    };
    const float room_bottom = finish_top - 16;
    float y = a.portrait ? 240.0f : 110.0f;
    if (y + words_height() > room_bottom) y = a.margin / 2 + text_size_button_size(fonts).y + 16;
    if (y + words_height() > room_bottom) thanks_font = fonts.heading;
    if (y + words_height() > room_bottom) saved_font = fonts.body;
    if (y + words_height() > room_bottom) next_font = fonts.small;
    y += draw_wrapped_text(a.draw, thanks_font, thanks, ImVec2(left, y), width, palette().text, Align::centre);
    y += 16;
    y += draw_wrapped_text(a.draw, saved_font, saved, ImVec2(left, y), width, palette().text, Align::centre);
    y += 20;
    draw_wrapped_text(a.draw, font_that_fits(next_font, next, width, room_bottom - y), next, ImVec2(left, y), width,
                      palette().muted_text, Align::centre);
}

}  // namespace

void draw_thanks_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const KioskState& s = call.state;
    const Activity* activity = call.view.campaign.activity(s.activity_id);
    if (activity && activity->type != ActivityType::place_standard) return draw_vote_thanks(call);
    const float label_room = compass_label_room(fonts);

    // Landscape: compass on the left, words on the right. Portrait: words on top.
    const float text_width = a.portrait ? a.inner_width() : std::min(440.0f, a.inner_width() * 0.36f);
    const float text_left = a.portrait ? a.margin : a.width - a.margin - text_width;
    draw_text_size_button_top_right(call, a.margin / 2);
    float y = a.margin / 2 + text_size_button_size(fonts).y + 24;
    // Longer words (big text, another language) step the words down a size, so they end above
    // the countdown; the compass explains itself less well without its note, but it stays.
    const std::string thanks = tr("Thank you!"), saved = tr("Your answers are saved.");
    const std::string note =
        s.answers.version == PlaceStandardVersion::children
            ? tr("This is how you answered. Near the middle: not good (1). Near the edge: good (3).")
            : tr("This is how you rated your area. Near the middle: a lot to improve. "
                 "Near the edge: very little to improve.");
    const int seconds = static_cast<int>(std::ceil(std::max(0.0, s.thanks_seconds_left)));
    const float countdown_height = wrapped_text_height(
        fonts.small, fill(tr("This screen clears in {1} seconds."), {std::to_string(seconds)}), text_width);
    const float button_height = 110;
    const float button_y = a.height - a.margin - button_height;
    // Upright, the compass below the words keeps room for a radius the width allows (up to 200).
    const float compass_bottom = button_y - countdown_height - 30;
    const float widest_radius = a.inner_width() / 2 - label_room;
    const float words_bottom = a.portrait ? compass_bottom - 24 - 2 * (std::min(widest_radius, 200.0f) + 40)
                                          : button_y - 28 - countdown_height;
    ImFont* thanks_font = fonts.display;
    ImFont* saved_font = fonts.body;
    auto words_height = [&] {
        return wrapped_text_height(thanks_font, thanks, text_width) + 12 +
               wrapped_text_height(saved_font, saved, text_width) + 16 +
               wrapped_text_height(fonts.small, note, text_width);
    };
    if (sv::text_width(thanks_font, thanks) > text_width || y + words_height() > words_bottom)
        thanks_font = fonts.heading;
    if (y + words_height() > words_bottom) saved_font = fonts.small;
    y += draw_wrapped_text(a.draw, thanks_font, thanks, ImVec2(text_left, y), text_width, palette().text);
    y += 12;
    y += draw_wrapped_text(a.draw, saved_font, saved, ImVec2(text_left, y), text_width, palette().text);
    y += 16;
    if (y + wrapped_text_height(fonts.small, note, text_width) <= words_bottom)
        y += draw_wrapped_text(a.draw, fonts.small, note, ImVec2(text_left, y), text_width, palette().muted_text);

    draw_finish_button(call, text_left, text_width, text_left, text_width);

    // The compass fills what is left.
    float left = a.margin, right = a.portrait ? a.width - a.margin : text_left - 24;
    float top = a.portrait ? y + 24 : a.margin;
    float bottom = a.portrait ? compass_bottom : a.height - a.margin;
    const float radius = std::max(60.0f, std::min((right - left) / 2 - label_room, (bottom - top) / 2 - 40));
    draw_compass(a.draw, fonts, ImVec2((left + right) / 2, (top + bottom) / 2), radius, s.answers);
}

}  // namespace sv
