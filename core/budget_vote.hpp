#pragma once
// A participatory budgeting vote as a campaign defines it: the money, the projects, and
// what a valid ballot is. The citizen never sees these words; the kiosk turns them into
// plain instructions ("Choose up to 3").
#include <string>
#include <vector>

#include "local_text.hpp"
#include "name_table.hpp"
#include "pb_number.hpp"

namespace sv {

enum class BallotType {
    approval,    // tick between min and max projects
    knapsack,    // tick projects whose costs together fit in the budget
    ranked,      // put up to max favourites in order
    cumulative,  // spread points over projects
};

// As campaign files spell them.
inline constexpr Spelling<BallotType> kBallotTypeNames[] = {{BallotType::approval, "approval"},
                                                            {BallotType::knapsack, "knapsack"},
                                                            {BallotType::ranked, "ranked"},
                                                            {BallotType::cumulative, "cumulative"}};
inline const char* ballot_type_name(BallotType type) {
    return name_of(kBallotTypeNames, type);
}

struct BallotRules {
    BallotType type = BallotType::approval;
    int min_choices = 1;
    int max_choices = 0;        // 0: as many as there are projects
    mpq_class min_spend_share;  // knapsack: the ticks must cost at least this share of the budget
    int points = 0;             // cumulative: points each citizen spreads
    int min_points = 0;         // cumulative: at least this many must be given
    int max_points_per_project = 0;
};

struct BudgetProject {
    std::string id;
    LocalText name;
    mpq_class cost;
    LocalText summary;      // one line on the card
    LocalText description;  // the details page
    std::string image;      // a file beside the campaign, optional
    std::string category;
    std::string ward;
};

struct BudgetVote {
    mpq_class budget;
    std::string currency = "GBP";
    BallotRules rules;
    std::vector<BudgetProject> projects;

    int max_choices() const;
    int project_index(const std::string& id) const;  // -1 when there is no such project
};

// "£12,000", "£1,250.50", "12,000 zł": money as the citizen reads it.
std::string format_money(const mpq_class& amount, const std::string& currency);

}  // namespace sv
