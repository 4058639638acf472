#pragma once
// JSON from outside (a kiosk's batch, an enrolment, the hub's campaign list, a campaign file)
// is measured before it is parsed: its size, and how deeply it nests, counted in one pass
// over the text without building anything. Real documents nest a few levels; a document
// nesting thousands deep costs gigabytes to build and overflows the stack when walked or
// written out again, so it is refused before either.
#include <cstddef>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "result.hpp"

namespace sv {

struct JsonLimits {
    std::size_t largest_bytes = 8 * 1024 * 1024;
    int deepest = 32;  // objects and arrays inside one another
};

// The deepest nesting of objects and arrays in `text`, counting no further than `stop_at`
// (so a hostile document costs one pass however deep it claims to go).
int json_nesting_depth(std::string_view text, int stop_at);

// Parses `text` if it keeps within `limits`; otherwise, or if it is not JSON, says so in plain
// words naming `what` ("The hub's list of campaigns").
Result<nlohmann::json> parse_bounded_json(std::string_view text, const JsonLimits& limits, const std::string& what);

}  // namespace sv
