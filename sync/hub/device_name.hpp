#pragma once
// The name staff know a tablet by ("Library tablet 2"), shown on the dashboard and in the
// tidy CSV in place of its id.
#include <optional>
#include <string>

namespace sv {

constexpr std::size_t kLongestDeviceName = 40;

// Why `name` cannot be a device's name, in plain words; nothing when it can.
std::optional<std::string> why_not_device_name(const std::string& name);

}  // namespace sv
