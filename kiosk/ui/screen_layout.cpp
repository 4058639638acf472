#include "screen_layout.hpp"

namespace sv {

void tap(const ScreenCall& call, const ButtonSpec& button, Intent intent) {
    if (touch_button(button, call.targets)) call.intents.push_back(std::move(intent));
}

}  // namespace sv
