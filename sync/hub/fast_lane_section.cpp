#include "fast_lane_section.hpp"

#include "html_text.hpp"
#include "share_bar.hpp"
#include "small_group_note.hpp"

namespace sv {
namespace {

// Each group's share of each answer, groups too small to show left as their count only.
Html poll_groups_table(const char* heading, const QuickPollResults& poll, const std::vector<PollGroup>& groups) {
    if (groups.size() < 2) return {};  // one would only repeat everyone's
    Html html;
    html << "<h3>" << heading << "</h3><table class=\"poll-groups\"><thead><tr><th scope=\"col\">" << heading
         << "</th><th scope=\"col\" class=\"num\">Responses</th>";
    for (const auto& answer : poll.answers) html << "<th scope=\"col\" class=\"num\">" << answer << "</th>";
    html << "</tr></thead><tbody>";
    for (const auto& group : groups) {
        html << "<tr><th scope=\"row\">" << group.name;
        if (!group.detail.empty()) html << "<br><span class=\"muted\">" << group.detail << "</span>";
        html << "</th><td class=\"num\">" << group.responses << "</td>";
        if (group.shown()) {
            for (int count : group.counts) html << "<td class=\"num\">" << percent(count, group.responses) << "</td>";
        } else {
            html << "<td colspan=\"" << static_cast<int>(poll.answers.size()) << "\" class=\"muted\">Fewer than "
                 << kSmallestGroupShown << ": not shown</td>";
        }
        html << "</tr>";
    }
    return html << "</tbody></table>";
}

Html scale_groups_table(const char* heading, const std::vector<ScalePairGroup>& groups) {
    if (groups.size() < 2) return {};  // one would only repeat everyone's
    Html html;
    html << "<h3>" << heading << "</h3><table class=\"scale-groups\"><thead><tr><th scope=\"col\">" << heading
         << "</th><th scope=\"col\" class=\"num\">Responses</th><th scope=\"col\" class=\"num\">Today</th><th "
            "scope=\"col\" class=\"num\">Wanted</th><th scope=\"col\" class=\"num\">Gap</th></tr></thead><tbody>";
    for (const auto& group : groups) {
        html << "<tr><th scope=\"row\">" << group.name;
        if (!group.detail.empty()) html << "<br><span class=\"muted\">" << group.detail << "</span>";
        html << "</th><td class=\"num\">" << group.responses << "</td>";
        if (group.shown())
            html << "<td class=\"num\">" << one_decimal(group.today) << "</td><td class=\"num\">"
                 << one_decimal(group.wanted) << "</td><td class=\"num strong\">"
                 << one_decimal(group.wanted - group.today) << "</td>";
        else
            html << "<td colspan=\"3\" class=\"muted\">Fewer than " << kSmallestGroupShown << ": not shown</td>";
        html << "</tr>";
    }
    return html << "</tbody></table>";
}

}  // namespace

Html poll_answers_table(const QuickPollResults& poll, const PollGroup& group) {
    Html html;
    html << "<table class=\"poll\"><thead><tr><th scope=\"col\">Answer</th><th scope=\"col\" "
            "class=\"num\">People</th><th scope=\"col\" class=\"num\">Share</th><td></td></tr></thead><tbody>";
    for (std::size_t i = 0; i < poll.answers.size() && i < group.counts.size(); ++i) {
        const int count = group.counts[i];
        html << "<tr data-answer=\"" << static_cast<int>(i) << "\"><th scope=\"row\">" << poll.answers[i]
             << "</th><td class=\"num\">" << count << "</td><td class=\"num strong\">"
             << percent(count, group.responses) << "</td><td>" << share_bar(count, group.responses) << "</td></tr>";
    }
    return html << "</tbody></table>";
}

Html scale_pair_headline(const ScalePairGroup& group) {
    Html html;
    return html << "<p class=\"headline\">Today " << one_decimal(group.today) << ", wanted "
                << one_decimal(group.wanted) << ": a gap of " << one_decimal(group.wanted - group.today)
                << " (medians).</p>";
}

Html quick_poll_section(const QuickPollResults& poll) {
    Html html;
    html << "<section id=\"poll-" << poll.activity_id << "\"><h2>" << poll.title << ": quick poll</h2>";
    html << "<p class=\"lead\">" << poll.question << " " << count_of(poll.everyone.responses, "response", "responses")
         << ".</p>";
    if (!poll.everyone.shown()) return html << hidden_group_note(poll.everyone.responses) << "</section>";
    html << poll_answers_table(poll, poll.everyone);
    html << poll_groups_table("By ward", poll, poll.by_ward);
    html << poll_groups_table("By event", poll, poll.by_event);
    return html << "</section>";
}

Html scale_pair_section(const ScalePairResults& pair) {
    Html html;
    html << "<section id=\"scale-" << pair.activity_id << "\"><h2>" << pair.title << ": today and wanted</h2>";
    html << "<p class=\"lead\">" << count_of(pair.everyone.responses, "response", "responses") << ". Today: “"
         << pair.today_question << "” Wanted: “" << pair.wanted_question
         << "” Each from 1 (very poor) to 7 (very good); the gap is how far people want it to move.</p>";
    if (!pair.everyone.shown()) return html << hidden_group_note(pair.everyone.responses) << "</section>";
    html << scale_pair_headline(pair.everyone);
    html << scale_groups_table("By ward", pair.by_ward);
    html << scale_groups_table("By event", pair.by_event);
    return html << "</section>";
}

}  // namespace sv
