#pragma once
// Copies one open stream to another to its end (a backup to standard output, one read from
// standard input), flushing at the end: an error says which side failed and why, so a backup
// cut short by a full disk is never taken for a whole one.
#include <cstdio>

#include "result.hpp"

namespace sv {

Status copy_stream(std::FILE* from, std::FILE* to);

}  // namespace sv
