#pragma once
// What the dashboard says in place of a group's results when there are none yet, or too few
// to show without pointing at the people in it.
#include "html.hpp"

namespace sv {

Html hidden_group_note(int responses);

}  // namespace sv
