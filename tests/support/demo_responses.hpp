#pragma once
// Valid responses to the demo campaigns, made without the kiosk's screens, for tests that
// need many of them in a kiosk's store (sync, the hub).
#include <cstdint>
#include <string>
#include <vector>

#include "store.hpp"

namespace sv::test {

ResponseDraft place_standard_draft(std::uint64_t seed);
// A random knapsack ballot within the demo budget.
ResponseDraft budget_draft(std::uint64_t seed);
// Records `count` responses, every third one a ballot; returns their UUIDs in order.
std::vector<std::string> fill_kiosk(Store& store, int count, std::uint64_t seed);

}  // namespace sv::test
