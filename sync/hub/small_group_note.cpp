#include "small_group_note.hpp"

#include "compass_tally.hpp"

namespace sv {

Html hidden_group_note(int responses) {
    Html html;
    html << "<p class=\"hidden\">";
    if (responses == 0)
        html << "No responses yet.";
    else
        html << "Fewer than " << kSmallestGroupShown << " responses: not shown, to protect people's privacy.";
    return html << "</p>";
}

}  // namespace sv
