#include "log_text.hpp"

#include <algorithm>
#include <cstdio>

namespace sv {
namespace {

constexpr std::size_t kLongestLoggedText = 200;  // bytes

}  // namespace

std::string log_safe(const std::string& text) {
    std::string out;
    const std::size_t shown = std::min(text.size(), kLongestLoggedText);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
            out += static_cast<char>(c);
        } else {
            char hex[5];
            std::snprintf(hex, sizeof hex, "\\x%02x", c);
            out += hex;
        }
    }
    if (text.size() > shown) out += "...";
    return out;
}

}  // namespace sv
