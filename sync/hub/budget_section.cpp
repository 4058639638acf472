#include "budget_section.hpp"

#include <set>
#include <vector>

#include "budget_vote.hpp"
#include "dashboard_pages.hpp"
#include "html_text.hpp"
#include "pb_number.hpp"
#include "share_bar.hpp"

namespace sv {
namespace {

Html project_names(const BudgetResults& budget, const std::vector<std::string>& ids) {
    Html names;
    for (std::size_t i = 0; i < ids.size(); ++i) {
        std::string name = ids[i];
        for (const auto& p : budget.projects)
            if (p.id == ids[i]) name = p.name;
        names << (i == 0 ? "" : i + 1 == ids.size() ? " and " : ", ") << name;
    }
    return names;
}

Html rule_difference(const BudgetResults& budget) {
    std::set<std::string> greedy(budget.greedy.begin(), budget.greedy.end());
    std::set<std::string> equal(budget.equal_shares.begin(), budget.equal_shares.end());
    if (greedy == equal) return "<p class=\"note same\">Both rules fund the same projects.</p>";
    std::vector<std::string> only_greedy, only_equal;
    for (const auto& id : budget.greedy)
        if (!equal.count(id)) only_greedy.push_back(id);
    for (const auto& id : budget.equal_shares)
        if (!greedy.count(id)) only_equal.push_back(id);
    Html note;
    note << "<p class=\"note differ\"><strong>The two rules differ.</strong> ";
    if (!only_greedy.empty()) note << "Only the most-votes rule funds " << project_names(budget, only_greedy) << ". ";
    if (!only_equal.empty()) note << "Only equal shares funds " << project_names(budget, only_equal) << ". ";
    return note << "Equal shares gives each voter an equal part of the budget to spend on projects they chose, so "
                   "groups with different priorities each get something.</p>";
}

// Why each project was funded or not under each rule, for an officer's report.
Html outcome_reasons(const BudgetResults& budget) {
    Html html;
    html << "<h3>Why each project was funded or not</h3><p>" << budget.deciding_rule
         << "</p><p class=\"how\"><strong>Most votes first.</strong> " << budget.greedy_how << "</p>";
    if (!budget.equal_shares_how.empty())
        html << "<p class=\"how\"><strong>Equal shares.</strong> " << budget.equal_shares_how << "</p>";
    html << "<table class=\"reasons\"><thead><tr><th scope=\"col\">Project</th><th scope=\"col\">Most votes "
            "first</th><th scope=\"col\">Equal shares</th></tr></thead><tbody>";
    for (const auto& p : budget.projects)
        html << "<tr data-reasons=\"" << p.id << "\"><th scope=\"row\">" << p.name << "</th><td>" << p.greedy_why
             << "</td><td>" << p.equal_shares_why << "</td></tr>";
    return html << "</tbody></table>";
}

Html held_back_note(const BudgetResults& budget) {
    int later = 0;
    for (const auto& group : budget.held_back) later += static_cast<int>(group.size());
    Html html;
    return html << "<p class=\"note differ\">"
                << count_of(static_cast<int>(budget.held_back.size()), "voter code was", "voter codes were")
                << " used more than once (kiosks offline at the same time, or a device sending codes already "
                   "spent). The first ballot for each code is counted; "
                << count_of(later, "later ballot is", "later ballots are")
                << " held back. The CSV's voter_code_flag column names them and their devices.</p>";
}

// Each project's share of each ward's ballots, for two wards or more; a ward with fewer
// ballots than the privacy rule allows shows only how many.
Html wards_table(const BudgetResults& budget, const BudgetByWard& by_ward) {
    if (by_ward.wards.size() < 2) return {};
    Html html;
    html << "<h3>By ward</h3><p class=\"muted\">The share of each ward's ballots that chose each project.</p><table "
            "class=\"budget-wards\"><thead><tr><th scope=\"col\">Project</th>";
    for (const auto& ward : by_ward.wards)
        html << "<th scope=\"col\" class=\"num\">" << ward.name << "<br><span class=\"muted\">"
             << count_of(ward.ballots, "ballot", "ballots") << "</span></th>";
    html << "</tr></thead><tbody>";
    for (const auto& p : budget.projects) {
        html << "<tr data-ward-project=\"" << p.id << "\"><th scope=\"row\">" << p.name << "</th>";
        for (const auto& ward : by_ward.wards)
            html << "<td class=\"num\">"
                 << (ward.shown() ? Html() << percent(chose(ward, p.id), ward.ballots) : Html("–")) << "</td>";
        html << "</tr>";
    }
    html << "</tbody></table>";
    for (const auto& ward : by_ward.wards)
        if (!ward.shown()) {
            html << "<p class=\"muted\">A ward with fewer than " << kSmallestGroupShown
                 << " ballots is shown only as how many, to protect people's privacy.</p>";
            break;
        }
    return html;
}

Html projects_table(const BudgetResults& budget, const BudgetByWard& by_ward) {
    const BudgetWard everyone = all_wards(by_ward);
    const auto money = [&budget](const mpq_class& amount) { return format_money(amount, budget.currency); };
    const auto funded = [](bool yes) { return yes ? Html("<span class=\"yes\">Funded</span>") : Html("–"); };
    const char* votes_heading = budget.vote_type == "cumulative" ? "Points"
                                : budget.vote_type == "ordinal"  ? "Points (ranked)"
                                                                 : "Votes";
    Html html;
    html << "<table class=\"projects\"><thead><tr><th scope=\"col\">Project</th><th scope=\"col\" "
            "class=\"num\">Cost</th><th scope=\"col\" class=\"num\">"
         << votes_heading
         << "</th><th scope=\"col\" class=\"num\">Chosen by</th><td></td><th scope=\"col\">Most votes first</th><th "
            "scope=\"col\">Equal shares</th></tr></thead><tbody>";
    for (const auto& p : budget.projects) {
        const bool differ = p.funded_by_greedy != p.funded_by_equal_shares;
        // The data- attributes let a script (or a test) read the outcome without parsing words.
        html << "<tr" << (differ ? Html(" class=\"differ\"") : Html()) << " data-project=\"" << p.id
             << "\" data-greedy=\"" << (p.funded_by_greedy ? "funded" : "not") << "\" data-equal-shares=\""
             << (p.funded_by_equal_shares ? "funded" : "not") << "\"><th scope=\"row\">" << p.name
             << "</th><td class=\"num\">" << money(p.cost) << "</td><td class=\"num strong\">"
             << format_pb_number(p.votes) << "</td><td class=\"num\">"
             << percent(chose(everyone, p.id), everyone.ballots) << "</td><td>"
             << share_bar(chose(everyone, p.id), everyone.ballots) << "</td><td>" << funded(p.funded_by_greedy)
             << "</td><td>" << funded(p.funded_by_equal_shares) << "</td></tr>";
    }
    const bool equal_shares_done = budget.equal_shares_unfinished.empty();
    html << "</tbody><tfoot><tr><th scope=\"row\">Budget used</th><td></td><td></td><td></td><td></td><td>"
         << money(budget.greedy_cost) << "</td><td>"
         << (equal_shares_done ? money(budget.equal_shares_cost) : "not counted")
         << "</td></tr><tr><th scope=\"row\">Left unspent</th><td></td><td></td><td></td><td></td><td>"
         << money(budget.budget - budget.greedy_cost) << "</td><td>"
         << (equal_shares_done ? money(budget.budget - budget.equal_shares_cost) : "") << "</td></tr></tfoot></table>";
    return html;
}

}  // namespace

BudgetWard all_wards(const BudgetByWard& by_ward) {
    BudgetWard all{"Everyone", 0, {}};
    for (const auto& ward : by_ward.wards) {
        all.ballots += ward.ballots;
        for (const auto& [id, chose] : ward.chose) all.chose[id] += chose;
    }
    return all;
}

int chose(const BudgetWard& ward, const std::string& project_id) {
    const auto found = ward.chose.find(project_id);
    return found == ward.chose.end() ? 0 : found->second;
}

std::vector<std::string> funded_by_deciding_rule(const BudgetResults& budget) {
    return budget.decided_by == DecidingRule::equal_shares ? budget.equal_shares : budget.greedy;
}

Html budget_headline(const BudgetResults& budget) {
    Html html;
    if (!budget.counted) return html << "The ballots are still being counted.";
    const auto funded = funded_by_deciding_rule(budget);
    if (funded.empty()) return html << "No project could be funded.";
    html << count_of(static_cast<int>(funded.size()), "project is", "projects are") << " funded";
    switch (budget.decided_by) {
        case DecidingRule::equal_shares: html << " by equal shares, the rule this vote uses"; break;
        case DecidingRule::most_votes: html << " by most votes first, the rule this vote uses"; break;
        case DecidingRule::not_said: html << " by most votes first (the vote names no rule)"; break;
    }
    return html << ": " << project_names(budget, funded) << ".";
}

std::string budget_anchor(const BudgetResults& budget) {
    return "budget-" + budget.activity_id + (budget.version == 0 ? "" : "-v" + std::to_string(budget.version));
}

std::string budget_name(const BudgetResults& budget) {
    return budget.title + (budget.version == 0 ? "" : " (version " + std::to_string(budget.version) + ")");
}

Html budget_outcome(const BudgetResults& budget, const BudgetByWard& by_ward) {
    Html html;
    if (budget.version != 0)
        html << "<p class=\"note\" data-counted=\"per-version\">The campaign's versions asked voters different "
                "things (projects, costs or rules), so the ballots cast under each version are counted on their "
                "own.</p>";
    if (!budget.counted)
        return html << "<p class=\"note\" data-count=\"under-way\">The ballots are being counted. Load this page "
                       "again in a moment to see the outcome.</p>";
    html << "<p class=\"lead\">" << count_of(budget.ballots, "ballot", "ballots") << " counted. Budget "
         << format_money(budget.budget, budget.currency) << ".</p>";
    if (budget.recounting)
        html << "<p class=\"note\" data-count=\"recounting\">Being recounted with ballots that arrived since; shown "
                "here is the last finished count. Load this page again in a moment.</p>";
    if (!budget.held_back.empty()) html << held_back_note(budget);
    return html << projects_table(budget, by_ward);
}

Html budget_reasons(const BudgetResults& budget) {
    if (!budget.counted) return {};
    Html html;
    if (budget.equal_shares_unfinished.empty())
        html << rule_difference(budget);
    else
        html << "<p class=\"note differ\">" << budget.equal_shares_unfinished << "</p>";
    return html << outcome_reasons(budget);
}

Html budget_ward_choices(const BudgetResults& budget, const BudgetWard& ward) {
    Html html;
    html << "<h3>How this ward's voters chose</h3>";
    if (!ward.shown())
        return html << "<p class=\"hidden\">" << count_of(ward.ballots, "ballot", "ballots")
                    << " from this ward: fewer than " << kSmallestGroupShown
                    << ", so not broken down, to protect people's privacy.</p>";
    html << "<p class=\"muted\">" << count_of(ward.ballots, "ballot", "ballots")
         << " from this ward; the share of them that chose each project.</p><table class=\"ward-choices\"><thead><tr>"
            "<th scope=\"col\">Project</th><th scope=\"col\" class=\"num\">Chosen by</th><td></td></tr></thead><tbody>";
    for (const auto& p : budget.projects)
        html << "<tr data-ward-project=\"" << p.id << "\"><th scope=\"row\">" << p.name << "</th><td class=\"num\">"
             << percent(chose(ward, p.id), ward.ballots) << "</td><td>" << share_bar(chose(ward, p.id), ward.ballots)
             << "</td></tr>";
    return html << "</tbody></table>";
}

Html budget_section(const std::string& campaign_id, const BudgetResults& budget, const BudgetByWard& by_ward) {
    Html html;
    const std::string version = std::to_string(budget.version);
    html << "<section id=\"" << budget_anchor(budget) << "\"><h2>" << budget.title << ": budget vote"
         << (budget.version == 0 ? "" : ", ballots cast under version " + version) << "</h2>";
    html << budget_outcome(budget, by_ward);
    if (!budget.counted) return html << "</section>";
    html << wards_table(budget, by_ward) << budget_reasons(budget);
    html << "<p><a class=\"download\" href=\"" << dashboard_path::campaigns << campaign_id << "/" << budget.activity_id
         << (budget.version == 0 ? ".pb" : "/version-" + version + ".pb") << "\" download>Download the ballots"
         << (budget.version == 0 ? "" : " cast under version " + version) << " (.pb, for pabulib tools)</a></p>";
    return html << "</section>";
}

}  // namespace sv
