#pragma once
// What the hub checks of text people type (notes, device names) before it keeps it.
#include <string>

namespace sv {

// Whether `text` is well-formed UTF-8.
bool is_utf8(const std::string& text);
// Characters, not bytes, in UTF-8 text.
std::size_t characters_in(const std::string& utf8);

}  // namespace sv
