#pragma once
// One cell of the hub's CSV exports (RFC 4180 quoting). A cell a spreadsheet would run as a
// formula (a device can send any event id or clock reading, a citizen any comment) starts
// with an apostrophe, so it is shown as the text it is.
#include <string>

namespace sv {

std::string csv_cell(std::string text);

}  // namespace sv
