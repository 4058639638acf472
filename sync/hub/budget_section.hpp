#pragma once
// A budget vote's outcome under both rules, why each project was funded or not, and the
// ballots to download.
#include <string>

#include "campaign_results.hpp"
#include "html.hpp"

namespace sv {

Html budget_section(const std::string& campaign_id, const BudgetResults& budget);
// The section's id ("budget-ACTIVITY", with "-vN" when counted per version) and its name in
// the page's list of sections.
std::string budget_anchor(const BudgetResults& budget);
std::string budget_name(const BudgetResults& budget);

}  // namespace sv
