#include "pb_outcome.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>

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

namespace {

// The effective support of a project, cost / q, as a fraction kept unreduced so that a free
// project (q = 0) is simply "infinite" rather than a division by zero.
struct Support {
    mpq_class cost, q;
};

// -1, 0 or 1 as x's support is lower than, equal to or higher than y's.
int compare_support(const Support& x, const Support& y) {
    return sgn(x.cost * y.q - y.cost * x.q);
}

}  // namespace

std::vector<int> equal_shares_outcome(const PbInstance& instance, const mpq_class& budget) {
    const std::size_t voters = instance.ballots.size();
    const std::size_t count = instance.projects.size();
    if (voters == 0) return {};
    std::vector<std::vector<std::size_t>> supporters(count);
    for (std::size_t v = 0; v < voters; ++v)
        for (int p : instance.ballots[v]) supporters[static_cast<std::size_t>(p)].push_back(v);

    // Voters who have paid the same have the same money left: one value per class of voters,
    // so a round costs integer work per approval and arithmetic per class, not per voter.
    std::vector<mpq_class> class_money{budget / mpq_class(static_cast<long>(voters))};
    std::map<mpq_class, std::size_t> class_with_money{{class_money[0], 0}};
    std::vector<std::size_t> class_of(voters, 0);
    std::vector<long> in_class;                    // supporters of one project per class, reused
    std::vector<std::size_t> touched;              // classes holding supporters of that project
    std::vector<bool> out_of_reach(count, false);  // funded, or its supporters can no longer afford it
    std::vector<int> funded;

    // The smallest cap q with sum over supporters of min(money, q) = cost (the poorest pay all
    // they have); nothing when the supporters cannot afford the project.
    auto payment_cap = [&](std::size_t p) -> std::optional<mpq_class> {
        const mpq_class& cost = instance.projects[p].cost;
        in_class.assign(class_money.size(), 0);
        touched.clear();
        for (std::size_t v : supporters[p])
            if (in_class[class_of[v]]++ == 0) touched.push_back(class_of[v]);
        mpq_class held = 0;
        for (std::size_t c : touched) held += class_money[c] * in_class[c];
        if (supporters[p].empty() || held < cost) return std::nullopt;
        std::sort(touched.begin(), touched.end(),
                  [&](std::size_t x, std::size_t y) { return class_money[x] < class_money[y]; });
        mpq_class remaining = cost;
        long payers = static_cast<long>(supporters[p].size());
        for (std::size_t c : touched) {
            if (class_money[c] * payers >= remaining) return mpq_class(remaining / payers);
            remaining -= class_money[c] * in_class[c];
            payers -= in_class[c];
        }
        return mpq_class(0);  // unreachable: held >= cost
    };

    // Money only shrinks, so a project's cap only grows and its support only falls from round
    // to round: the support it had last time bounds what it can have now. Projects are looked
    // at in order of that bound, and the search stops once no bound can beat the best so far.
    std::vector<Support> bound(count);
    for (std::size_t p = 0; p < count; ++p) bound[p] = {instance.projects[p].cost, 0};
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);

    auto wins_tie = [&](std::size_t p, std::size_t best) {
        const auto& mine = instance.projects[p];
        const auto& theirs = instance.projects[best];
        if (mine.cost != theirs.cost) return mine.cost < theirs.cost;
        if (supporters[p].size() != supporters[best].size()) return supporters[p].size() > supporters[best].size();
        return project_id_less(mine.id, theirs.id);
    };

    for (;;) {
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t x, std::size_t y) { return compare_support(bound[x], bound[y]) > 0; });
        int best = -1;
        for (std::size_t p : order) {
            if (out_of_reach[p]) continue;
            if (best >= 0 && compare_support(bound[p], bound[static_cast<std::size_t>(best)]) < 0) break;
            const auto q = payment_cap(p);
            if (!q) {
                out_of_reach[p] = true;  // money only shrinks: it will never be affordable again
                continue;
            }
            bound[p] = {instance.projects[p].cost, *q};
            if (best < 0) {
                best = static_cast<int>(p);
                continue;
            }
            const int by_support = compare_support(bound[p], bound[static_cast<std::size_t>(best)]);
            if (by_support > 0 || (by_support == 0 && wins_tie(p, static_cast<std::size_t>(best))))
                best = static_cast<int>(p);
        }
        if (best < 0) break;
        const mpq_class& pay = bound[static_cast<std::size_t>(best)].q;
        // Each supporter pays min(money, q): their class moves to the class of what is left.
        std::vector<std::size_t> moved_to(class_money.size(), SIZE_MAX);
        for (std::size_t v : supporters[static_cast<std::size_t>(best)]) {
            const std::size_t c = class_of[v];
            if (moved_to[c] == SIZE_MAX) {
                mpq_class left = class_money[c] <= pay ? mpq_class(0) : mpq_class(class_money[c] - pay);
                const auto [it, added] = class_with_money.emplace(std::move(left), class_money.size());
                if (added) class_money.push_back(it->first);
                moved_to[c] = it->second;
            }
            class_of[v] = moved_to[c];
        }
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
        bool can_grow = false;
        for (std::size_t p = 0; p < instance.projects.size() && !can_grow; ++p)
            can_grow = std::find(outcome.begin(), outcome.end(), static_cast<int>(p)) == outcome.end() &&
                       spent + instance.projects[p].cost <= instance.budget;
        if (!can_grow) break;
        virtual_budget += step;  // one unit more per voter, as pabulib's add1 does
        std::vector<int> next = equal_shares_outcome(instance, virtual_budget);
        if (total_cost(instance, next) > instance.budget) break;
        outcome = std::move(next);
    }
    return outcome;
}

}  // namespace sv
