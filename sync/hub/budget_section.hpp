#pragma once
// A budget vote's outcome under both rules, why each project was funded or not, and the
// ballots to download.
#include <string>

#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

// `by_ward`: how each ward's voters chose (its share column and the breakdown by ward).
Html budget_section(const std::string& campaign_id, const BudgetResults& budget, const BudgetByWard& by_ward);
// Every ward's ballots together, as "Everyone".
BudgetWard all_wards(const BudgetByWard& by_ward);
// How many of `ward`'s ballots chose the project.
int chose(const BudgetWard& ward, const std::string& project_id);
// The projects funded under the rule the vote's .pb names (most votes first when it names none).
std::vector<std::string> funded_by_deciding_rule(const BudgetResults& budget);
// The outcome in a sentence: "6 projects are funded by equal shares, the rule this vote uses: A, B, ...".
Html budget_headline(const BudgetResults& budget);
// Its parts, for the reports. The outcome: ballots, budget, notes on counting and voter
// codes, and each project under both rules with the share of ballots that chose it.
Html budget_outcome(const BudgetResults& budget, const BudgetByWard& by_ward);
// How the two rules differ and why each project was funded or not.
Html budget_reasons(const BudgetResults& budget);
// Each project's share of one ward's ballots; only how many when the ward is too small.
Html budget_ward_choices(const BudgetResults& budget, const BudgetWard& ward);
// The section's id ("budget-ACTIVITY", with "-vN" when counted per version) and its name in
// the page's list of sections.
std::string budget_anchor(const BudgetResults& budget);
std::string budget_name(const BudgetResults& budget);

}  // namespace sv
