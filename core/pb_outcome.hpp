#pragma once
// Outcome rules: which projects a PB election funds, in the order they are funded.
#include <atomic>
#include <chrono>
#include <optional>
#include <vector>

#include "pb_instance.hpp"

namespace sv {

// Greedy: projects by score, highest first; fund each that still fits in what is left of
// the budget, skip the rest. Ties in score: lower cost first, then project id.
std::vector<int> greedy_outcome(const PbInstance& instance);
// The order greedy takes the projects in, given their scores (pb_scores).
std::vector<int> greedy_order(const PbInstance& instance, const std::vector<mpq_class>& scores);

// When a long count must give up: a flag another thread sets (a hub shutting down) and a
// deadline (a count's time budget). Checked between rounds, so a stop is seen within one.
struct CountStop {
    const std::atomic<bool>* requested = nullptr;
    std::optional<std::chrono::steady_clock::time_point> deadline;

    bool now() const;
};

// One run of the Method of Equal Shares, with what an explanation needs.
struct EqualSharesRun {
    mpq_class budget;                    // shared equally among the voters
    std::vector<int> funded;             // in the order bought
    std::vector<mpq_class> cap;          // per funded project: the most any one supporter paid
    std::vector<mpq_class> held_at_end;  // per project: what its supporters had left when the run ended
};

// Method of Equal Shares with cost utilities on approval ballots (every listed project is
// approved), with `budget` shared equally among the voters. Ties in effective support:
// lower cost, then more supporters, then project id.
std::vector<int> equal_shares_outcome(const PbInstance& instance, const mpq_class& budget);

// MES with the "add1" completion, exactly as pabulib's equalshares/add1: start from the budget
// rounded down to a multiple of the number of voters; raise it by one unit per voter and keep
// the last outcome whose real cost fits the real budget, stopping at the first that does not.
// Nothing when `stop` says so first.
std::optional<EqualSharesRun> equal_shares_add1_run(const PbInstance& instance, const CountStop& stop = {});
std::vector<int> equal_shares_add1_outcome(const PbInstance& instance);

}  // namespace sv
