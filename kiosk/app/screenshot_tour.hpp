#pragma once
// Every screen of the kiosk with sample answers filled in: what --screenshots renders.
// Each activity of the campaign contributes its own screens.
#include <string>
#include <vector>

#include "campaign.hpp"
#include "kiosk_state.hpp"

namespace sv {

struct TourStop {
    std::string name;  // file name without .png
    KioskState state;
};

std::vector<TourStop> screenshot_tour(const Campaign& campaign);

}  // namespace sv
