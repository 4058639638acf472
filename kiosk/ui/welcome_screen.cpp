#include <algorithm>

#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {

void draw_welcome_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const auto& campaign = call.view.campaign;
    const auto& lang = call.view.language;
    const ScreenArea& a = call.area;
    const float width = a.inner_width();
    float y = a.portrait ? 160.0f : 80.0f;

    y += draw_wrapped_text(a.draw, fonts.display, campaign.title.in(lang), ImVec2(a.margin, y), width, colours::text,
                           Align::centre);
    if (!campaign.area.empty()) {
        y += 8;
        y += draw_wrapped_text(a.draw, fonts.heading, campaign.area.in(lang), ImVec2(a.margin, y), width,
                               colours::muted_text, Align::centre);
    }
    if (!campaign.welcome.empty()) {
        y += 28;
        const float text_width = std::min(width, 960.0f);
        y +=
            draw_wrapped_text(a.draw, fonts.body, campaign.welcome.in(lang),
                              ImVec2(a.margin + (width - text_width) / 2, y), text_width, colours::text, Align::centre);
    }

    y += a.portrait ? 96.0f : 44.0f;
    // Landscape puts two or more activities side by side; portrait stacks them.
    const std::size_t count = campaign.activities.size();
    const bool side_by_side = !a.portrait && count > 1;
    const float gap = 32;
    const float button_width =
        side_by_side ? std::min(520.0f, (width - gap * static_cast<float>(count - 1)) / static_cast<float>(count))
                     : std::min(width, 720.0f);
    const float row_width =
        side_by_side ? button_width * static_cast<float>(count) + gap * static_cast<float>(count - 1) : button_width;
    const float button_height = 130;
    const float row_top = y;
    bool mentions_place_standard = false;
    for (std::size_t i = 0; i < count; ++i) {
        const Activity& activity = campaign.activities[i];
        mentions_place_standard = mentions_place_standard || activity.type == ActivityType::place_standard;
        const float x =
            a.margin + (width - row_width) / 2 + (side_by_side ? static_cast<float>(i) * (button_width + gap) : 0);
        if (side_by_side) y = row_top;
        const ImVec2 position(x, y);
        ButtonSpec start{"start-" + activity.id,
                         activity.title.in(lang),
                         position,
                         ImVec2(button_width, button_height),
                         ButtonLook::primary,
                         true,
                         fonts.heading};
        if (touch_button(start, call.targets)) call.intents.push_back({IntentKind::start, static_cast<int>(i), {}});
        y += button_height + 10;
        if (!activity.summary.empty())
            y += draw_wrapped_text(a.draw, fonts.body, activity.summary.in(lang), ImVec2(position.x, y), button_width,
                                   colours::muted_text, Align::centre);
        y += 28;
    }

    std::string footer = "We do not ask for your name.";
    if (mentions_place_standard)
        footer +=
            " Based on the Place Standard tool: Scottish Government, Public Health Scotland, Architecture & "
            "Design Scotland.";
    const float footer_height = wrapped_text_height(fonts.small, footer, width);
    draw_wrapped_text(a.draw, fonts.small, footer, ImVec2(a.margin, a.height - a.margin / 2 - footer_height), width,
                      colours::muted_text, Align::centre);
}

}  // namespace sv
