#include "pb_outcome.hpp"

#include <algorithm>
#include <numeric>

namespace sv {

std::vector<int> greedy_outcome(const PbInstance& instance) {
    const auto scores = pb_scores(instance);
    std::vector<int> order(instance.projects.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](int a, int b) {
        const auto& pa = instance.projects[static_cast<std::size_t>(a)];
        const auto& pb = instance.projects[static_cast<std::size_t>(b)];
        const auto& sa = scores[static_cast<std::size_t>(a)];
        const auto& sb = scores[static_cast<std::size_t>(b)];
        if (sa != sb) return sa > sb;
        if (pa.cost != pb.cost) return pa.cost < pb.cost;
        return project_id_less(pa.id, pb.id);
    });
    std::vector<int> funded;
    mpq_class left = instance.budget;
    for (int p : order) {
        const auto& cost = instance.projects[static_cast<std::size_t>(p)].cost;
        if (cost <= left) {
            funded.push_back(p);
            left -= cost;
        }
    }
    return funded;
}

std::vector<int> equal_shares_outcome(const PbInstance& instance, const mpq_class& budget) {
    const std::size_t voters = instance.ballots.size();
    const std::size_t count = instance.projects.size();
    if (voters == 0) return {};
    std::vector<std::vector<std::size_t>> supporters(count);
    for (std::size_t v = 0; v < voters; ++v)
        for (int p : instance.ballots[v]) supporters[static_cast<std::size_t>(p)].push_back(v);

    std::vector<mpq_class> money(voters, budget / mpq_class(static_cast<long>(voters)));
    std::vector<bool> out_of_reach(count, false);  // funded, or its supporters can no longer afford it
    std::vector<int> funded;
    std::vector<const mpq_class*> wallets;
    for (;;) {
        int best = -1;
        mpq_class best_q;
        for (std::size_t p = 0; p < count; ++p) {
            if (out_of_reach[p]) continue;
            const mpq_class& cost = instance.projects[p].cost;
            wallets.clear();
            mpq_class held = 0;
            for (std::size_t v : supporters[p]) {
                wallets.push_back(&money[v]);
                held += money[v];
            }
            if (supporters[p].empty() || held < cost) {
                out_of_reach[p] = true;  // budgets only shrink: it will never be affordable again
                continue;
            }
            // The smallest cap q with sum(min(b_i, q)) = cost: the poorest pay all they have.
            std::sort(wallets.begin(), wallets.end(), [](const mpq_class* a, const mpq_class* b) { return *a < *b; });
            mpq_class remaining = cost;
            long payers = static_cast<long>(wallets.size());
            mpq_class q = 0;
            for (const mpq_class* wallet : wallets) {
                if (*wallet * payers >= remaining) {
                    q = remaining / payers;
                    break;
                }
                remaining -= *wallet;
                --payers;
            }
            bool better = best < 0;
            if (!better) {
                const auto& best_project = instance.projects[static_cast<std::size_t>(best)];
                // Effective support cost/q; compared by cross-multiplying (q may be 0 for a free project).
                const mpq_class mine = cost * best_q, theirs = best_project.cost * q;
                if (mine != theirs)
                    better = mine > theirs;
                else if (cost != best_project.cost)
                    better = cost < best_project.cost;
                else if (supporters[p].size() != supporters[static_cast<std::size_t>(best)].size())
                    better = supporters[p].size() > supporters[static_cast<std::size_t>(best)].size();
                else
                    better = project_id_less(instance.projects[p].id, best_project.id);
            }
            if (better) {
                best = static_cast<int>(p);
                best_q = q;
            }
        }
        if (best < 0) break;
        for (std::size_t v : supporters[static_cast<std::size_t>(best)]) money[v] -= std::min(money[v], best_q);
        out_of_reach[static_cast<std::size_t>(best)] = true;
        funded.push_back(best);
    }
    return funded;
}

std::vector<int> equal_shares_add1_outcome(const PbInstance& instance) {
    const long voters = static_cast<long>(instance.ballots.size());
    if (voters == 0) return {};
    const mpq_class step(voters);
    const mpz_class denominator = instance.budget.get_den() * voters;
    mpz_class per_voter;
    mpz_fdiv_q(per_voter.get_mpz_t(), instance.budget.get_num().get_mpz_t(), denominator.get_mpz_t());
    mpq_class virtual_budget = mpq_class(per_voter) * step;
    std::vector<int> outcome = equal_shares_outcome(instance, virtual_budget);
    for (;;) {
        const mpq_class spent = total_cost(instance, outcome);
        const bool can_grow = std::any_of(instance.projects.begin(), instance.projects.end(), [&](const PbProject& p) {
            const int index = static_cast<int>(&p - instance.projects.data());
            return std::find(outcome.begin(), outcome.end(), index) == outcome.end() &&
                   spent + p.cost <= instance.budget;
        });
        if (!can_grow) break;
        virtual_budget += step;
        std::vector<int> next = equal_shares_outcome(instance, virtual_budget);
        if (total_cost(instance, next) > instance.budget) break;
        outcome = std::move(next);
    }
    return outcome;
}

}  // namespace sv
