#include "utf8_text.hpp"

#include <nlohmann/json.hpp>

namespace sv {

bool is_utf8(const std::string& text) {
    // The JSON library refuses to write text that is not UTF-8: one well-kept check.
    try {
        (void)nlohmann::json(text).dump();
        return true;
    } catch (const nlohmann::json::exception&) {
        return false;
    }
}

std::size_t characters_in(const std::string& utf8) {
    std::size_t count = 0;
    for (unsigned char byte : utf8)
        if ((byte & 0xC0) != 0x80) ++count;
    return count;
}

}  // namespace sv
