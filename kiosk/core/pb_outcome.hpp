#pragma once
// Outcome rules: which projects a PB election funds, in the order they are funded.
#include <vector>

#include "pb_instance.hpp"

namespace sv {

// Greedy: projects by score, highest first; fund each that still fits in what is left of
// the budget, skip the rest. Ties in score: lower cost first, then project id.
std::vector<int> greedy_outcome(const PbInstance& instance);

// Method of Equal Shares with cost utilities on approval ballots (every listed project is
// approved), with `budget` shared equally among the voters. Ties in effective support:
// lower cost, then more supporters, then project id.
std::vector<int> equal_shares_outcome(const PbInstance& instance, const mpq_class& budget);

// MES with the "add1" completion (pabulib's equalshares/add1): start from the budget rounded
// down to a multiple of the number of voters; raise it by one unit per voter while the
// outcome still fits the real budget and could still grow.
std::vector<int> equal_shares_add1_outcome(const PbInstance& instance);

}  // namespace sv
