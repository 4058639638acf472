#include <algorithm>
#include <cmath>
#include <string>

#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "staff_pin.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {
namespace {

constexpr float kKeyWidth = 150;
constexpr float kKeyHeight = 96;
constexpr float kKeyGap = 16;

std::string minutes_and_seconds(double seconds) {
    const int whole = static_cast<int>(std::ceil(seconds));
    const int s = whole % 60;
    return std::to_string(whole / 60) + (s < 10 ? ":0" : ":") + std::to_string(s);
}

void draw_key(const ScreenCall& call, const std::string& id, const std::string& label, ImVec2 at, bool enabled,
              IntentKind kind, int value) {
    tap(call,
        button(id, label, at, ImVec2(kKeyWidth, kKeyHeight))
            .enabled_if(enabled)
            .in(label.size() == 1 ? call.view.fonts.heading : call.view.fonts.body),
        {kind, value});
}

}  // namespace

// The PIN pad in front of the staff panel; also where a kiosk's first PIN is chosen.
void draw_staff_pin_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const StallState& stall = call.state.stall;
    const bool choosing = stall.staff == StaffMode::choose_pin;
    const bool waiting = stall.pin_wait_seconds > 0;

    const float cancel_width = 220;
    tap(call,
        button("staff-cancel", "Cancel", ImVec2(a.width - a.margin - cancel_width, a.margin / 2),
               ImVec2(cancel_width, 80))
            .in(fonts.body),
        {IntentKind::staff_close});

    const float width = std::min(a.inner_width() - cancel_width - 24, 760.0f);
    float y = a.margin / 2 + 8;
    const std::string heading = choosing ? (stall.pin_first.empty() ? "Choose a staff PIN" : "Enter the PIN again")
                                         : "Staff only: enter the PIN";
    y += draw_wrapped_text(a.draw, fonts.heading, heading, ImVec2(a.margin, y), width, palette().text);
    y = std::max(y + 12, a.margin / 2 + 80 + 16);  // the message below runs the full width, under Cancel
    std::string message = stall.staff_message;
    if (waiting) message = "Too many wrong PINs. Try again in " + minutes_and_seconds(stall.pin_wait_seconds) + ".";
    if (!message.empty())
        y += draw_wrapped_text(a.draw, fonts.body, message, ImVec2(a.margin, y), a.inner_width(),
                               waiting || message.rfind("Wrong", 0) == 0 ? palette().warning_edge : palette().text);
    y += 24;

    // One dot per digit typed, never the digits themselves.
    const float pad_width = 3 * kKeyWidth + 2 * kKeyGap;
    const float pad_left = (a.width - pad_width) / 2;
    const float dot = 14;
    for (std::size_t i = 0; i < kLongestStaffPin; ++i) {
        const ImVec2 centre(pad_left + 20 + static_cast<float>(i) * (pad_width - 40) / (kLongestStaffPin - 1), y + dot);
        if (i < stall.pin_typed.size())
            a.draw->AddCircleFilled(centre, dot, palette().text);
        else
            a.draw->AddCircle(centre, dot, palette().outline, 0, 2);
    }
    y += 2 * dot + 28;

    const float pad_top = a.portrait ? y + 60 : y;
    for (int digit = 1; digit <= 9; ++digit) {
        const int row = (digit - 1) / 3, column = (digit - 1) % 3;
        draw_key(call, "pin-" + std::to_string(digit), std::to_string(digit),
                 ImVec2(pad_left + static_cast<float>(column) * (kKeyWidth + kKeyGap),
                        pad_top + static_cast<float>(row) * (kKeyHeight + kKeyGap)),
                 !waiting, IntentKind::pin_digit, digit);
    }
    const float last_row = pad_top + 3 * (kKeyHeight + kKeyGap);
    draw_key(call, "pin-delete", "Delete", ImVec2(pad_left, last_row), !stall.pin_typed.empty(), IntentKind::pin_delete,
             0);
    draw_key(call, "pin-0", "0", ImVec2(pad_left + kKeyWidth + kKeyGap, last_row), !waiting, IntentKind::pin_digit, 0);
    tap(call,
        button("pin-enter", "OK", ImVec2(pad_left + 2 * (kKeyWidth + kKeyGap), last_row), ImVec2(kKeyWidth, kKeyHeight))
            .primary()
            .enabled_if(!waiting && stall.pin_typed.size() >= kShortestStaffPin)
            .in(fonts.heading),
        {IntentKind::pin_enter});
}

}  // namespace sv
