#pragma once
// The answers file of a kiosk's data folder, for the tools that read or sync it. Unlike the
// kiosk, a tool never creates one: a mistyped folder is an error, not a new empty kiosk.
#include <string>

#include "result.hpp"
#include "store.hpp"

namespace sv {

Result<Store> open_kiosk_answers(const std::string& data_dir);

}  // namespace sv
