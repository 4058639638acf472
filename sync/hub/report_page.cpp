#include "report_page.hpp"

#include <set>

#include "budget_section.hpp"
#include "dashboard_pages.hpp"
#include "event_groups.hpp"
#include "fast_lane_section.hpp"
#include "html_text.hpp"
#include "ingest.hpp"
#include "outcome_notes_section.hpp"
#include "participation_section.hpp"
#include "place_standard_section.hpp"
#include "reach_section.hpp"
#include "share_bar.hpp"
#include "small_group_note.hpp"
#include "theme_headline.hpp"
#include "url_path.hpp"

namespace sv {
namespace {

// The group of `groups` that is `ward`'s, or everyone's for the whole campaign; null when
// the ward has no responses to this activity.
template <typename Group>
const Group* group_of(const std::optional<std::string>& ward, const Group& everyone,
                      const std::vector<Group>& by_ward) {
    if (!ward) return &everyone;
    const std::string name = ward_name(*ward);
    for (const auto& group : by_ward)
        if (group.name == name) return &group;
    return nullptr;
}

const BudgetWard* budget_ward_of(const std::string& ward, const BudgetByWard& by_ward) {
    const std::string name = ward_name(ward);
    for (const auto& w : by_ward.wards)
        if (w.name == name) return &w;
    return nullptr;
}

// The answer most people gave, as "Most often: Yes (64%)".
Html poll_headline(const QuickPollResults& poll, const PollGroup& group) {
    std::size_t most = 0;
    for (std::size_t i = 1; i < group.counts.size(); ++i)
        if (group.counts[i] > group.counts[most]) most = i;
    Html html;
    if (group.counts.empty() || most >= poll.answers.size()) return html;
    int sharing = 0;
    for (int count : group.counts) sharing += count == group.counts[most] ? 1 : 0;
    if (sharing > 1) return html << "No one answer was given most often.";
    return html << "Most often: “" << poll.answers[most] << "” (" << percent(group.counts[most], group.responses)
                << ").";
}

Html summary(const CampaignResults& results, const std::optional<std::string>& ward,
             const std::vector<EventParticipation>& events) {
    int responses = 0;
    std::set<std::string> wards;
    for (const auto& e : events) {
        responses += e.responses;
        wards.insert(e.ward);
    }
    Html html;
    html << "<section class=\"report-summary\"><h2>Summary</h2><ul class=\"figures\"><li><strong>" << responses
         << "</strong> " << (responses == 1 ? "response" : "responses") << "</li><li><strong>" << events.size()
         << "</strong> " << (events.size() == 1 ? "event" : "events") << "</li>";
    if (!ward)
        html << "<li><strong>" << wards.size() << "</strong> " << (wards.size() == 1 ? "ward" : "wards") << "</li>";
    const int days = static_cast<int>(results.participation.by_day.size());
    if (!ward && days > 0) html << "<li><strong>" << days << "</strong> " << (days == 1 ? "day" : "days") << "</li>";
    html << "</ul><h3>What stood out</h3><ul class=\"key-points\">";
    for (const auto& ps : results.place_standard) {
        const CompassGroup* group = group_of(ward, ps.everyone, ps.by_ward);
        const auto& themes = place_standard_themes(ps.version);
        html << "<li><strong>" << ps.title << ".</strong> ";
        if (group && group->shown())
            html << theme_headline(*group, themes, ThemeEnd::lowest) << " "
                 << theme_headline(*group, themes, ThemeEnd::highest);
        else
            html << "Fewer than " << kSmallestGroupShown << " responses: not shown.";
        html << "</li>";
    }
    for (const auto& budget : results.budgets)
        html << "<li><strong>" << budget_name(budget) << ".</strong> " << budget_headline(budget)
             << (ward ? " (the whole campaign's outcome)" : "") << "</li>";
    for (const auto& poll : results.polls) {
        const PollGroup* group = group_of(ward, poll.everyone, poll.by_ward);
        html << "<li><strong>" << poll.question << "</strong> ";
        if (group && group->shown())
            html << poll_headline(poll, *group);
        else
            html << "Fewer than " << kSmallestGroupShown << " answers: not shown.";
        html << "</li>";
    }
    for (const auto& pair : results.scale_pairs) {
        const ScalePairGroup* group = group_of(ward, pair.everyone, pair.by_ward);
        html << "<li><strong>" << pair.title << ".</strong> ";
        if (group && group->shown())
            html << "Today " << one_decimal(group->today) << ", wanted " << one_decimal(group->wanted) << " (medians).";
        else
            html << "Fewer than " << kSmallestGroupShown << " answers: not shown.";
        html << "</li>";
    }
    html << "</ul><h3>Where people took part</h3>";
    if (events.empty()) return html << "<p class=\"hidden\">No responses yet.</p></section>";
    return html << events_table(events) << "</section>";
}

Html place_standard_part(const PlaceStandardResults& ps, const std::optional<std::string>& ward) {
    Html html;
    const CompassGroup* group = group_of(ward, ps.everyone, ps.by_ward);
    const int responses = group ? group->responses : 0;
    html << "<section class=\"report-part\" id=\"place-" << ps.activity_id << "\"><h2>" << ps.title
         << ": how people rated the area</h2><p class=\"lead\">" << count_of(responses, "response", "responses") << ". "
         << place_standard_scale_sentence(ps.version) << "</p>";
    if (!group || !group->shown()) return html << hidden_group_note(responses) << "</section>";
    html << place_standard_summary(ps, *group);
    // A ward's councillor reads what their residents wrote; the campaign's report leaves the
    // comments to the dashboard and the CSV.
    if (ward) html << "<h3>What people in this ward said, by theme</h3>" << theme_comments(ps, &*ward, *group);
    return html << "</section>";
}

Html budget_part(const BudgetResults& budget, const BudgetByWard& by_ward, const std::optional<std::string>& ward) {
    Html html;
    html << "<section class=\"report-part\" id=\"budget-" << budget.activity_id << "\"><h2>" << budget_name(budget)
         << ": budget vote</h2><p class=\"headline\">" << budget_headline(budget) << "</p>"
         << budget_outcome(budget, by_ward);
    if (ward && budget.counted) {
        const BudgetWard* mine = budget_ward_of(*ward, by_ward);
        html << budget_ward_choices(budget, mine ? *mine : BudgetWard{ward_name(*ward), 0, {}});
    }
    return html << budget_reasons(budget) << "</section>";
}

Html poll_part(const QuickPollResults& poll, const std::optional<std::string>& ward) {
    const PollGroup* group = group_of(ward, poll.everyone, poll.by_ward);
    const int responses = group ? group->responses : 0;
    Html html;
    html << "<section class=\"report-part-small\" id=\"poll-" << poll.activity_id << "\"><h2>" << poll.title
         << ": quick poll</h2><p class=\"lead\">" << poll.question << " "
         << count_of(responses, "response", "responses") << ".</p>";
    if (!group || !group->shown()) return html << hidden_group_note(responses) << "</section>";
    return html << poll_answers_table(poll, *group) << "</section>";
}

Html scale_pair_part(const ScalePairResults& pair, const std::optional<std::string>& ward) {
    const ScalePairGroup* group = group_of(ward, pair.everyone, pair.by_ward);
    const int responses = group ? group->responses : 0;
    Html html;
    html << "<section class=\"report-part-small\" id=\"scale-" << pair.activity_id << "\"><h2>" << pair.title
         << ": today and wanted</h2><p class=\"lead\">" << count_of(responses, "response", "responses") << ". Today: “"
         << pair.today_question << "” Wanted: “" << pair.wanted_question
         << "” Each from 1 (very poor) to 7 (very good).</p>";
    if (!group || !group->shown()) return html << hidden_group_note(responses) << "</section>";
    return html << scale_pair_headline(*group) << "</section>";
}

Html notes_part(const std::vector<HubOutcomeNote>& notes, const std::optional<std::string>& ward) {
    std::vector<HubOutcomeNote> shown;
    for (const auto& n : notes)
        if (!ward || n.ward.empty() || n.ward == *ward) shown.push_back(n);
    Html html;
    html << "<section class=\"report-part-small\" id=\"you-said-we-did\"><h2>You said, we did</h2>";
    if (shown.empty()) return html << "<p class=\"hidden\">No notes yet.</p></section>";
    return html << outcome_notes_table(shown) << "</section>";
}

}  // namespace

std::string report_path(const std::string& campaign_id, const std::optional<std::string>& ward) {
    return std::string(dashboard_path::campaigns) + campaign_id + "/report" +
           (ward ? "/ward/" + path_segment(*ward) : std::string());
}

std::string report_page(const SignedIn& who, const CampaignResults& results, const std::vector<HubOutcomeNote>& notes,
                        const std::optional<std::string>& ward) {
    const Campaign& c = results.campaign;
    const std::string& language = c.default_language();
    std::vector<EventParticipation> events;
    for (const auto& e : results.participation.events)
        if (!ward || e.ward == *ward) events.push_back(e);
    Html body;
    body << "<p class=\"screen-only report-actions\">";
    if (who.councillor_ward.empty())
        body << "<a href=\"" << dashboard_path::campaigns << c.id << "\">Back to the campaign's page</a> · ";
    body << "To print this report or keep it as a PDF, use your browser's Print (Ctrl+P) and choose “Save as "
            "PDF”.</p>";
    body << "<header class=\"report-title\"><h1>" << c.title.in(language) << "</h1><p class=\"subtitle\">"
         << (ward ? Html() << "Report for " << ward_name(*ward) << " ward" : Html("Report on what people said"))
         << "</p><p class=\"muted\">" << c.area.in(language) << " · " << answer_dates(results.participation)
         << " · Results as of " << readable_time(hub_time_now()) << "</p></header>";
    body << summary(results, ward, events);
    for (const auto& ps : results.place_standard) body << place_standard_part(ps, ward);
    for (std::size_t i = 0; i < results.budgets.size(); ++i)
        body << budget_part(results.budgets[i],
                            i < results.budgets_by_ward.size() ? results.budgets_by_ward[i] : BudgetByWard{}, ward);
    for (const auto& poll : results.polls) body << poll_part(poll, ward);
    for (const auto& pair : results.scale_pairs) body << scale_pair_part(pair, ward);
    // "About you" answers are counted for the whole campaign only.
    if (!ward) body << reach_section(results);
    body << notes_part(notes, ward);
    body << "<p class=\"report-foot muted\">Streetvoice report, campaign " << c.id << " version " << c.version
         << ". Groups of fewer than " << kSmallestGroupShown
         << " people are never broken down, to protect their privacy.</p>";
    return dashboard_page(
        std::string(ward ? ward_name(*ward) + " ward report" : "Report") + " – " + c.title.in(language), who, body);
}

}  // namespace sv
