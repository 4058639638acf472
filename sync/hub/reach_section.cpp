#include "reach_section.hpp"

#include "html_text.hpp"

namespace sv {
namespace {

Html reached(double gap) {
    if (gap <= -5) return "<span class=\"missing\">Under-represented</span>";
    if (gap >= 5) return "<span class=\"over\">Over-represented</span>";
    return "About right";
}

}  // namespace

Html reach_section(const CampaignResults& results) {
    if (results.reach.empty()) return {};
    Html html;
    html << "<section id=\"reach\"><h2>Who we reached</h2><p class=\"lead\">From the optional \"about you\" "
            "questions, compared with who lives in the area";
    if (results.reach_source.empty())
        html << " (this campaign gives no figures for the area).";
    else
        html << " (" << results.reach_source << ").";
    html << "</p>";
    for (const auto& q : results.reach) {
        html << "<h3>" << q.text << "</h3>";
        if (!q.shown()) {
            html << "<p class=\"hidden\">Fewer than " << kSmallestGroupShown
                 << " people answered: not shown, to protect their privacy.</p>";
            continue;
        }
        html << "<p class=\"muted\">" << q.answered << " answered; " << q.preferred_not_to_say
             << " preferred not to say.</p>";
        const bool has_reference = !q.options.empty() && q.options.front().reference_percent.has_value();
        html << "<table class=\"reach\"><thead><tr><th scope=\"col\">Answer</th><th scope=\"col\" "
                "class=\"num\">People</th><th scope=\"col\" class=\"num\">Of those answering</th>";
        if (has_reference) html << "<th scope=\"col\" class=\"num\">In the area</th><th scope=\"col\">Reached</th>";
        html << "</tr></thead><tbody>";
        for (const auto& o : q.options) {
            html << "<tr><th scope=\"row\">" << o.label << "</th><td class=\"num\">";
            if (o.people < kSmallestGroupShown)
                html << "fewer than " << kSmallestGroupShown;
            else
                html << o.people;
            html << "</td><td class=\"num\">" << one_decimal(o.percent) << "%</td>";
            if (has_reference)
                html << "<td class=\"num\">" << one_decimal(*o.reference_percent) << "%</td><td>"
                     << reached(o.percent - *o.reference_percent) << "</td>";
            html << "</tr>";
        }
        html << "</tbody></table>";
    }
    return html << "</section>";
}

}  // namespace sv
