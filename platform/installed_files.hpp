#pragma once
// Where the files that ship with the program are: next to an installed program
// (/usr/bin/x -> /usr/share/streetvoice), else in the source tree it was built from.
#include <string>

namespace sv {

// The folder holding campaigns/ and its pictures.
std::string shipped_assets_directory();

}  // namespace sv
