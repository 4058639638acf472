#pragma once
// Free text (a ward's name) as one segment of a link's path: every byte but letters, digits
// and "-._~" percent-encoded, so "St Mary's/East" stays one segment. The hub's HTTP front
// decodes the path before routes see it.
#include <string>

namespace sv {

std::string path_segment(const std::string& text);

}  // namespace sv
