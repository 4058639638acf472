#pragma once
// Which of a campaign's own texts lack one of the languages it offers. A kiosk shows such a
// text in the campaign's first language; the campaign's author should hear of it first.
#include <functional>
#include <string>
#include <vector>

#include "campaign.hpp"

namespace sv {

// Calls `visit` with each of the campaign's own texts and the field it is in, named as in the
// campaign file ("activities[0].summary").
void for_each_campaign_text(const Campaign& campaign,
                            const std::function<void(const LocalText& text, const std::string& field)>& visit);

// One line per gap, naming the field as the campaign file does: "activities[0].summary has no pl text".
std::vector<std::string> missing_campaign_translations(const Campaign& campaign);

}  // namespace sv
