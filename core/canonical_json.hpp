#pragma once
// One text for a JSON document whatever its spacing and the order of its keys, so that a
// campaign file as its author wrote it and the hub's compact copy of it compare as the same
// campaign, while any change to a value still shows.
#include <string>
#include <string_view>

namespace sv {

// Objects' keys sorted, no spacing. Text that is not JSON (or is too large or too deep to
// read) is returned as it is, so it equals only itself.
std::string canonical_json(std::string_view text);

}  // namespace sv
