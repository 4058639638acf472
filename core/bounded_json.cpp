#include "bounded_json.hpp"

namespace sv {

int json_nesting_depth(std::string_view text, int stop_at) {
    int depth = 0, deepest = 0;
    bool in_string = false, escaped = false;
    for (const char c : text) {
        if (in_string) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                in_string = false;
            continue;
        }
        if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            if (++depth > deepest) deepest = depth;
            if (deepest >= stop_at) return deepest;
        } else if ((c == '}' || c == ']') && depth > 0) {
            --depth;
        }
    }
    return deepest;
}

Result<nlohmann::json> parse_bounded_json(std::string_view text, const JsonLimits& limits, const std::string& what) {
    if (text.size() > limits.largest_bytes)
        return Error{what + " is larger than " + std::to_string(limits.largest_bytes / 1024) + " KB."};
    if (json_nesting_depth(text, limits.deepest + 1) > limits.deepest)
        return Error{what + " nests lists and objects more than " + std::to_string(limits.deepest) +
                     " deep; a real one is a few levels deep."};
    nlohmann::json doc = nlohmann::json::parse(text, nullptr, false);
    if (doc.is_discarded()) return Error{what + " is not valid JSON."};
    return doc;
}

}  // namespace sv
