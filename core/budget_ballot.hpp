#pragma once
// One citizen's budget ballot, the checks that keep it valid, and its stored form.
// The kiosk asks `why_not_*` before it changes a ballot, so an invalid ballot can never be
// built; `check_ballot` is the last word before a ballot is saved, and on the hub.
#include <optional>

#include <string>
#include <vector>
#include "sentence.hpp"

#include "budget_vote.hpp"
#include "result.hpp"

namespace sv {

struct BudgetBallot {
    std::vector<int> chosen;  // project indices: in rank order for ranked ballots, else as ticked
    std::vector<int> points;  // cumulative: points per entry of `chosen` (each at least 1)

    bool has(int project) const;
    int points_for(int project) const;
};

mpq_class ballot_cost(const BudgetVote& vote, const BudgetBallot& ballot);
int ballot_points(const BudgetBallot& ballot);

// Plain words saying why the change cannot be made, or nothing when it can.
std::optional<Sentence> why_not_choose(const BudgetVote& vote, const BudgetBallot& ballot, int project);
std::optional<Sentence> why_not_add_point(const BudgetVote& vote, const BudgetBallot& ballot, int project);

// The changes themselves; they refuse (returning false) exactly when why_not_* speaks.
bool choose(const BudgetVote& vote, BudgetBallot& ballot, int project);
void unchoose(BudgetBallot& ballot, int project);
bool add_point(const BudgetVote& vote, BudgetBallot& ballot, int project);
void remove_point(BudgetBallot& ballot, int project);

// Whether the ballot may be submitted as it stands; if not, what is still needed, in plain words.
Status check_ballot(const BudgetVote& vote, const BudgetBallot& ballot);

// What the citizen is asked to do, in one line ("Choose up to 3 projects").
Sentence ballot_instruction(const BudgetVote& vote);

// Stored payload: {"ballot":"ranked","projects":["p3","p1"]} (+ "points":[..] for cumulative).
std::string ballot_payload(const BudgetVote& vote, const BudgetBallot& ballot);
// Reads a payload back against the vote, refusing one that is malformed or invalid.
Result<BudgetBallot> parse_ballot_payload(const BudgetVote& vote, const std::string& payload);

}  // namespace sv
