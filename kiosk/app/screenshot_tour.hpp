#pragma once
// Every screen of the kiosk with sample answers filled in: what --screenshots renders.
#include <string>
#include <vector>

#include "kiosk_state.hpp"

namespace sv {

struct TourStop {
    std::string name;  // file name without .png
    KioskState state;
};

std::vector<TourStop> screenshot_tour();

}  // namespace sv
