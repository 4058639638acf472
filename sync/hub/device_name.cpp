#include "device_name.hpp"

#include <algorithm>

#include "utf8_text.hpp"

namespace sv {

std::optional<std::string> why_not_device_name(const std::string& name) {
    const bool control =
        std::any_of(name.begin(), name.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
    if (name.empty() || !is_utf8(name) || control || characters_in(name) > kLongestDeviceName)
        return "A device's name is 1 to " + std::to_string(kLongestDeviceName) +
               " characters on one line, such as \"Library tablet 2\".";
    return std::nullopt;
}

}  // namespace sv
