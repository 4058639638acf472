#pragma once
#include <string>

namespace sv {

// A random (version 4) UUID in lower-case text form, made on the device.
std::string new_uuid();
bool looks_like_uuid(const std::string& text);

}  // namespace sv
