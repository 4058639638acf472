#pragma once
// The answers file of a kiosk's data folder, for the tools that read or sync it. A tool opens
// only a file that is there: a mistyped folder is an error, not a new empty kiosk. The one
// exception is a new tablet's first sync, named by its enrolment code.
#include <string>

#include "result.hpp"
#include "store.hpp"

namespace sv {

Result<Store> open_kiosk_answers(const std::string& data_dir);

// Makes the data folder and its answers file when they are not there yet, so a new tablet can
// enrol and fetch its campaigns before the kiosk first starts on it.
Result<Store> open_new_kiosk_answers(const std::string& data_dir);

}  // namespace sv
