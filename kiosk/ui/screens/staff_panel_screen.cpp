#include <algorithm>
#include <string>

#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {
namespace {

constexpr float kButtonHeight = 72;  // comfortably over the smallest target; the panel has much to hold

float draw_section_title(const ScreenCall& call, const std::string& title, float x, float y, float width) {
    return draw_wrapped_text(call.area.draw, call.view.fonts.body, title, ImVec2(x, y), width, palette().primary) + 6;
}

float draw_line(const ScreenCall& call, const std::string& text, float x, float y, float width,
                ImU32 colour = palette().text) {
    return draw_wrapped_text(call.area.draw, call.view.fonts.small, text, ImVec2(x, y), width, colour) + 4;
}

bool staff_button(const ScreenCall& call, const std::string& id, const std::string& label, ImVec2 at, float width,
                  ButtonLook look = ButtonLook::secondary, bool enabled = true) {
    return touch_button(
        button(id, label, at, ImVec2(width, kButtonHeight)).looking(look).enabled_if(enabled).in(call.view.fonts.body),
        call.targets);
}

void draw_close_kiosk_button(const ScreenCall& call, ImVec2 at, float width) {
    if (staff_button(call, "staff-close-kiosk", "Close the kiosk app", at, width))
        call.intents.push_back({IntentKind::close_kiosk, 0, {}});
}

std::string event_line(const StallEvent& event) {
    std::string line = event.place.empty() ? "No event set up yet" : event.place;
    if (!event.ward.empty()) line += ", " + event.ward;
    if (!event.staff.empty()) line += " (staff: " + event.staff + ")";
    return line;
}

float draw_status_column(const ScreenCall& call, float x, float y, float width) {
    const StaffFigures& f = call.state.stall.figures;
    if (!f.problem.empty()) y += draw_line(call, f.problem, x, y, width, palette().warning_edge) + 8;
    y += draw_section_title(call, "Event", x, y, width);
    y += draw_line(call, event_line(f.event), x, y, width);
    y += 8;
    // Side by side: the panel has no height to spare.
    const float half = (std::min(width, 720.0f) - 12) / 2;
    if (staff_button(call, "staff-new-event", "Start a new event", ImVec2(x, y), half))
        call.intents.push_back({IntentKind::new_event, 0, {}});
    if (staff_button(call, "staff-results", "Results so far", ImVec2(x + half + 12, y), half))
        call.intents.push_back({IntentKind::show_event_results, 0, {}});
    y += kButtonHeight + 24;

    y += draw_section_title(call, "Answers", x, y, width);
    y += draw_line(
        call, "This event: " + std::to_string(f.counts.this_event) + "    Today: " + std::to_string(f.counts.today), x,
        y, width);
    y += draw_line(call,
                   "Not yet sent: " + std::to_string(f.counts.waiting) +
                       "    Refused by the hub: " + std::to_string(f.counts.refused),
                   x, y, width);
    if (!f.chain_head.empty())
        y += draw_line(call, "Chain head for the event sheet: " + f.chain_head, x, y, width, palette().muted_text);
    y += 20;

    y += draw_section_title(call, "Sending", x, y, width);
    y += draw_line(call, f.sync, x, y, width);
    if (!f.sync_problem.empty())
        y += draw_line(call, "Problem: " + f.sync_problem, x, y, width, palette().warning_edge);
    y += 8;
    // Upright, "Close the kiosk app" ends the row: the panel has no height to spare for it below.
    const bool with_close = call.area.portrait;
    const float in_row = 1.0f + (f.can_choose_campaign ? 1.0f : 0.0f) + (with_close ? 1.0f : 0.0f);
    const float button_width = in_row == 1 ? std::min(width, 420.0f) : (width - 12 * (in_row - 1)) / in_row;
    float button_x = x;
    if (staff_button(call, "staff-sync-now", "Send now", ImVec2(button_x, y), button_width, ButtonLook::secondary,
                     f.can_sync))
        call.intents.push_back({IntentKind::sync_now, 0, {}});
    button_x += button_width + 12;
    // Beside it, as the hub's campaigns come with sending.
    if (f.can_choose_campaign) {
        if (staff_button(call, "staff-choose-campaign", "Choose campaign", ImVec2(button_x, y), button_width))
            call.intents.push_back({IntentKind::show_campaign_choice, 0, {}});
        button_x += button_width + 12;
    }
    if (with_close) draw_close_kiosk_button(call, ImVec2(button_x, y), button_width);
    return y + kButtonHeight;
}

float draw_control_column(const ScreenCall& call, float x, float y, float width) {
    const auto& activities = call.view.campaign.activities;
    y += draw_section_title(call, "On the welcome screen", x, y, width);
    // Where the campaign comes from shares the line, as the panel has no height to spare.
    const StaffFigures& f = call.state.stall.figures;
    if (f.campaign_needs_attention)
        y += draw_line(call, f.campaign, x, y, width, palette().warning_edge) + 4;
    else
        y += draw_line(call, f.campaign.empty() ? "Touch to show or hide." : f.campaign + " Touch to show or hide.", x,
                       y, width, palette().muted_text) +
             4;
    // Two to a row when there are many, so the panel still ends on the screen.
    const bool two_columns = activities.size() > (call.area.portrait ? 1u : 2u);
    const float column_width = two_columns ? (width - 12) / 2 : width;
    for (std::size_t i = 0; i < activities.size(); ++i) {
        const bool shown = activity_offered(call.state, activities[i].id);
        const std::string label = activities[i].title.in(call.view.language) + (shown ? ": shown" : ": hidden");
        const float column = two_columns ? static_cast<float>(i % 2) : 0;
        tap(call,
            button("staff-offer-" + activities[i].id, label, ImVec2(x + column * (column_width + 12), y),
                   ImVec2(column_width, kButtonHeight))
                .selected_if(shown)
                .in(two_columns ? call.view.fonts.small : call.view.fonts.body),
            {IntentKind::toggle_offered, static_cast<int>(i)});
        if (!two_columns || i % 2 == 1 || i + 1 == activities.size()) y += kButtonHeight + 12;
    }
    const bool staff_issued = std::any_of(activities.begin(), activities.end(), [](const Activity& activity) {
        return activity.eligibility.rule == EligibilityRule::staff_issued;
    });
    if (staff_issued) {
        const bool ready = call.state.stall.ballots_issued > 0;
        if (staff_button(call, "staff-issue-ballot",
                         ready ? "A vote is ready for the next person" : "Let the next person vote", ImVec2(x, y),
                         width, ButtonLook::primary, !ready))
            call.intents.push_back({IntentKind::issue_ballot, 0, {}});
        y += kButtonHeight + 12;
    }
    y += draw_section_title(call, "Text size for each new person", x, y, width);
    const float size_gap = 12;
    const float size_width = (width - 2 * size_gap) / kTextSizeCount;
    for (int i = 0; i < kTextSizeCount; ++i) {
        const auto size = static_cast<TextSize>(i);
        const bool chosen = call.state.stall.starting_text_size == size;
        tap(call,
            button(std::string("staff-text-") + text_size_key(size), text_size_words(size),
                   ImVec2(x + static_cast<float>(i) * (size_width + size_gap), y), ImVec2(size_width, kButtonHeight))
                .selected_if(chosen)
                .in(call.view.fonts.small),
            {IntentKind::choose_starting_text_size, i});
    }
    y += kButtonHeight + 24;
    y += draw_line(call, call.state.stall.figures.battery, x, y, width);  // it starts "Battery ..."
    return y;
}

}  // namespace

// For staff: where the stall stands (event, counts, sending, battery) and what it offers.
void draw_staff_panel_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const StallState& stall = call.state.stall;

    const float back_width = 330;
    float y = a.margin / 2;
    if (staff_button(call, "staff-close", "Back to the kiosk", ImVec2(a.width - a.margin - back_width, y), back_width,
                     ButtonLook::primary))
        call.intents.push_back({IntentKind::staff_close, 0, {}});
    // On its side the panel has no height to spare: closing the app goes in the top row.
    const float close_width = a.portrait ? 0 : back_width;
    if (!a.portrait)
        draw_close_kiosk_button(call, ImVec2(a.width - a.margin - back_width - 24 - close_width, y), close_width);
    draw_wrapped_text(a.draw, fonts.heading, "Staff panel", ImVec2(a.margin, y + 12),
                      a.inner_width() - back_width - close_width - 48, palette().text);
    y += kButtonHeight + 20;
    if (!stall.staff_message.empty()) {
        const float pad = 14;
        const float h = wrapped_text_height(fonts.small, stall.staff_message, a.inner_width() - 2 * pad) + 2 * pad;
        a.draw->AddRectFilled(ImVec2(a.margin, y), ImVec2(a.width - a.margin, y + h), palette().surface, 10);
        a.draw->AddRect(ImVec2(a.margin, y), ImVec2(a.width - a.margin, y + h), palette().primary, 10, 0, 2);
        draw_wrapped_text(a.draw, fonts.small, stall.staff_message, ImVec2(a.margin + pad, y + pad),
                          a.inner_width() - 2 * pad, palette().text);
        y += h + 20;
    }
    if (a.portrait) {
        y = draw_status_column(call, a.margin, y, a.inner_width()) + 16;
        draw_control_column(call, a.margin, y, a.inner_width());
    } else {
        const float gap = 48;
        const float left_width = (a.inner_width() - gap) * 0.55f;
        draw_status_column(call, a.margin, y, left_width);
        draw_control_column(call, a.margin + left_width + gap, y, a.inner_width() - left_width - gap);
    }
}

}  // namespace sv
