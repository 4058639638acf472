#include "local_text.hpp"

namespace sv {

const std::string& LocalText::in(const std::string& language, const std::string& fallback_language) const {
    static const std::string nothing;
    if (auto it = by_language.find(language); it != by_language.end()) return it->second;
    if (auto it = by_language.find(fallback_language); it != by_language.end()) return it->second;
    return by_language.empty() ? nothing : by_language.begin()->second;
}

}  // namespace sv
