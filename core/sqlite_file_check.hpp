#pragma once
// Whether a file that came from outside (a backup on standard input) is a whole SQLite
// database of ours before anything reads it: SQLite itself opens an empty file as a new
// database and may read a cut-off one without complaint, and a restore must take neither.
#include <string>

namespace sv {

// Empty when `path` is a whole SQLite file with a schema version set (as every Streetvoice
// file has); otherwise why not, in words.
std::string why_not_whole_sqlite_file(const std::string& path);

}  // namespace sv
