#include "canonical_json.hpp"

#include "bounded_json.hpp"

namespace sv {

std::string canonical_json(std::string_view text) {
    // As large as the hub's whole list of campaigns may be; nlohmann's objects keep their keys
    // sorted, so writing a parsed document out again is canonical.
    constexpr JsonLimits kLimits{16 * 1024 * 1024, 32};
    auto parsed = parse_bounded_json(text, kLimits, "A campaign");
    return parsed ? parsed.value().dump() : std::string(text);
}

}  // namespace sv
