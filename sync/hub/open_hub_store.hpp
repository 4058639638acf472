#pragma once
// The hub's store named by its --db setting.
#include <memory>
#include <string>

#include "hub_store.hpp"
#include "result.hpp"

namespace sv {

// "sqlite:PATH" (the default kind) or "postgresql://..." .
Result<std::unique_ptr<HubStore>> open_hub_store(const std::string& database);

}  // namespace sv
