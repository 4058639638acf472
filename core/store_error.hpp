#pragma once
#include <string>

#include "result.hpp"

namespace sv {

// Turns an SQLite result code into a sentence for the stall staff.
// `doing` says what was being attempted ("save this answer"); `path` names the file.
Error store_error(int sqlite_code, const std::string& doing, const std::string& path, const std::string& detail);

}  // namespace sv
