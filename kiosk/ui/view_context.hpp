#pragma once
// What every screen is drawn with besides the state: the campaign, fonts, language and
// pictures, and the text size, colours and language the state asks for.
#include <map>
#include <string>
#include <vector>

#include "campaign.hpp"
#include "kiosk_state.hpp"
#include "kiosk_style.hpp"
#include "translation.hpp"

namespace sv {

// A picture ready to draw; the texture belongs to whoever loaded it.
struct Picture {
    ImTextureID texture = nullptr;
    float width = 0, height = 0;
};

struct ViewContext {
    const Campaign& campaign;
    const std::vector<OutcomeNote>& welcome_notes;  // "you said, we did", the hub's when it sent them
    const KioskFonts& fonts;
    std::string language;
    const std::map<std::string, Picture>* project_pictures = nullptr;  // by project id
    const Translation* translation = nullptr;   // the kiosk's own words in `language`; English when null
    std::vector<const Translation*> languages;  // what a citizen can choose, in the campaign's order
};

// The text size and colours the screen is drawn in: the citizen's choices on their screens;
// staff screens keep standard text and colours (the panel is dense, and the choice is not theirs).
TextSize shown_text_size(const KioskState& state);
const Palette& shown_palette(const KioskState& state);
// The language the screen is drawn in: the citizen's choice, else the campaign's first; staff
// screens are in English.
std::string shown_language(const KioskState& state, const Campaign& campaign);

}  // namespace sv
