#include "view_context.hpp"

namespace sv {

TextSize shown_text_size(const KioskState& state) {
    return state.stall.staff == StaffMode::closed ? state.text_size : TextSize::standard;
}

const Palette& shown_palette(const KioskState& state) {
    return state.high_contrast && state.stall.staff == StaffMode::closed ? high_contrast_palette() : standard_palette();
}

std::string shown_language(const KioskState& state, const Campaign& campaign) {
    if (state.stall.staff != StaffMode::closed) return "en";
    return state.language.empty() ? campaign.default_language() : state.language;
}

}  // namespace sv
