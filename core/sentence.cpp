#include "sentence.hpp"

namespace sv {

std::string fill_in(std::string pattern, const std::vector<std::string>& values) {
    for (std::size_t n = 0; n < values.size(); ++n) {
        const std::string slot = "{" + std::to_string(n + 1) + "}";
        for (auto at = pattern.find(slot); at != std::string::npos; at = pattern.find(slot, at + values[n].size()))
            pattern.replace(at, slot.size(), values[n]);
    }
    return pattern;
}

}  // namespace sv
