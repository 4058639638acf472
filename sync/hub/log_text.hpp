#pragma once
// Text a client chose (a path, a name typed at login, a reason) as the hub's logs write it:
// printable ASCII stays; anything else (control characters, quotes, backslashes, bytes of
// other scripts) is written \xNN, and it is cut short, so a line is one line and its fields
// are where they seem.
#include <string>

namespace sv {

std::string log_safe(const std::string& text);

}  // namespace sv
