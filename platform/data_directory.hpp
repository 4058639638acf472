#pragma once
// Where the kiosk keeps its answers file when staff do not say otherwise.
#include <string>

#include "result.hpp"

namespace sv {

// $XDG_DATA_HOME/streetvoice, else ~/.local/share/streetvoice.
std::string default_data_directory();
// Creates the directory (and its parents) if missing; an error says why in plain words.
Status ensure_directory(const std::string& path);

}  // namespace sv
