#pragma once
// Text a campaign shows to citizens, keyed by language code ("en", "cy", "pl").
#include <map>
#include <string>

namespace sv {

struct LocalText {
    std::map<std::string, std::string> by_language;

    // The text in `language`, else in `fallback_language`, else any text there is.
    const std::string& in(const std::string& language, const std::string& fallback_language = "en") const;
    bool empty() const { return by_language.empty(); }
};

}  // namespace sv
