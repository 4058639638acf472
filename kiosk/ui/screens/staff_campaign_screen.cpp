#include <algorithm>
#include <string>

#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {
namespace {

constexpr float kButtonHeight = 80;

// What a chosen campaign gives: the first the welcome screen, a second its activities.
std::string chosen_words(const StallState& stall, const std::string& id) {
    const auto& ticked = stall.campaigns_chosen;
    const auto found = std::find(ticked.begin(), ticked.end(), id);
    if (found == ticked.end()) return "";
    return found == ticked.begin() ? "Chosen first: its welcome screen and activities. "
                                   : "Chosen second: its activities are offered too. ";
}

}  // namespace

// For staff: which of the campaigns the hub published to this kiosk runs, or two side by side.
void draw_staff_campaign_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const StallState& stall = call.state.stall;

    float y = draw_staff_page_top(call, "Choose campaign", "staff-campaigns-back");
    if (!stall.staff_message.empty())
        y += draw_wrapped_text(a.draw, fonts.small, stall.staff_message, ImVec2(a.margin, y), a.inner_width(),
                               palette().primary) +
             20;

    // Below the list: the button to run them and a line on what happens then. The list goes two
    // to a row when one column would not leave room for them.
    const float foot = kButtonHeight + 16 + 70;
    const auto& options = stall.campaign_options;
    const auto line = [&](const CampaignOption& option) {
        return chosen_words(stall, option.id) + "Version " + std::to_string(option.version) + ": " + option.activities;
    };
    const auto list_height = [&](float width, std::size_t per_row) {
        float height = 0;
        for (std::size_t row = 0; row * per_row < options.size(); ++row) {
            float tallest = 0;
            for (std::size_t i = row * per_row; i < std::min(options.size(), (row + 1) * per_row); ++i)
                tallest = std::max(tallest, wrapped_text_height(fonts.small, line(options[i]), width - 24));
            height += kButtonHeight + 6 + tallest + 16;
        }
        return height;
    };
    const float one_column_width = std::min(a.inner_width(), 960.0f);
    const bool two_columns =
        options.size() > 1 && y + list_height(one_column_width, 1) > a.height - a.margin / 2 - foot;
    const std::size_t per_row = two_columns ? 2 : 1;
    const float width = two_columns ? (a.inner_width() - 24) / 2 : one_column_width;
    for (std::size_t row = 0; row * per_row < options.size(); ++row) {
        float tallest = 0;
        for (std::size_t i = row * per_row; i < std::min(options.size(), (row + 1) * per_row); ++i) {
            const CampaignOption& option = options[i];
            const bool chosen = !chosen_words(stall, option.id).empty();
            const float x = a.margin + static_cast<float>(i % per_row) * (width + 24);
            tap(call,
                button("staff-campaign-" + option.id, option.title, ImVec2(x, y), ImVec2(width, kButtonHeight))
                    .selected_if(chosen)
                    .in(fonts.body),
                {IntentKind::toggle_campaign, static_cast<int>(i)});
            tallest = std::max(
                tallest, draw_wrapped_text(a.draw, fonts.small, line(option), ImVec2(x + 12, y + kButtonHeight + 6),
                                           width - 24, chosen ? palette().text : palette().muted_text));
        }
        y += kButtonHeight + 6 + tallest + 16;
    }
    const float width_below = std::min(a.inner_width(), 960.0f);
    y += 8;
    tap(call,
        button("staff-campaigns-use", "Run the chosen campaigns", ImVec2(a.margin, y),
               ImVec2(width_below, kButtonHeight))
            .primary()
            .enabled_if(!stall.campaigns_chosen.empty())
            .in(fonts.body),
        {IntentKind::use_chosen_campaigns});
    y += kButtonHeight + 16;
    draw_wrapped_text(a.draw, fonts.small,
                      "People already answering finish what they started. Answers always go to the campaign they "
                      "were given for.",
                      ImVec2(a.margin, y), width_below, palette().muted_text);
}

}  // namespace sv
