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

bool CountStop::now() const {
    if (requested && requested->load(std::memory_order_relaxed)) return true;
    return deadline && std::chrono::steady_clock::now() >= *deadline;
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

// Voters who approve the same projects are treated alike all through a run, so they are
// counted as one group: real elections have three to four voters per distinct ballot.
struct VoterGroups {
    long voters = 0;
    std::vector<long> weight;                          // voters in each group
    std::vector<std::vector<std::size_t>> supporters;  // per project: the groups approving it
    std::vector<long> supporter_count;                 // per project: voters approving it
};

VoterGroups group_voters(const PbInstance& instance) {
    VoterGroups groups;
    groups.voters = static_cast<long>(instance.ballots.size());
    groups.supporters.resize(instance.projects.size());
    groups.supporter_count.assign(instance.projects.size(), 0);
    std::map<std::vector<int>, std::size_t> group_of;
    for (const auto& ballot : instance.ballots) {
        std::vector<int> approved = ballot;
        std::sort(approved.begin(), approved.end());
        const auto [at, added] = group_of.emplace(std::move(approved), groups.weight.size());
        if (added) {
            groups.weight.push_back(0);
            for (int p : at->first) groups.supporters[static_cast<std::size_t>(p)].push_back(at->second);
        }
        ++groups.weight[at->second];
        for (int p : at->first) ++groups.supporter_count[static_cast<std::size_t>(p)];
    }
    return groups;
}

std::optional<EqualSharesRun> run_equal_shares(const PbInstance& instance, const VoterGroups& groups,
                                               const mpq_class& budget, const CountStop& stop) {
    const std::size_t count = instance.projects.size();
    EqualSharesRun run;
    run.budget = budget;
    run.held_at_end.assign(count, 0);
    if (groups.voters == 0) return run;

    // Groups that have paid the same have the same money left: one value per class of groups,
    // so a round costs integer work per approval and arithmetic per class, not per voter.
    std::vector<mpq_class> class_money{budget / mpq_class(groups.voters)};
    std::map<mpq_class, std::size_t> class_with_money{{class_money[0], 0}};
    std::vector<std::size_t> class_of(groups.weight.size(), 0);
    std::vector<long> in_class;                    // supporters of one project per class, reused
    std::vector<std::size_t> touched;              // classes holding supporters of that project
    std::vector<bool> out_of_reach(count, false);  // funded, or its supporters can no longer afford it

    // The smallest cap q with sum over supporters of min(money, q) = cost (the poorest pay all
    // they have); nothing when the supporters cannot afford the project.
    auto payment_cap = [&](std::size_t p) -> std::optional<mpq_class> {
        const mpq_class& cost = instance.projects[p].cost;
        if (groups.supporter_count[p] == 0) return std::nullopt;
        in_class.assign(class_money.size(), 0);
        touched.clear();
        for (std::size_t g : groups.supporters[p]) {
            if (in_class[class_of[g]] == 0) touched.push_back(class_of[g]);
            in_class[class_of[g]] += groups.weight[g];
        }
        mpq_class held = 0;
        for (std::size_t c : touched) held += class_money[c] * in_class[c];
        if (held < cost) return std::nullopt;
        std::sort(touched.begin(), touched.end(),
                  [&](std::size_t x, std::size_t y) { return class_money[x] < class_money[y]; });
        mpq_class remaining = cost;
        long payers = groups.supporter_count[p];
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
        if (groups.supporter_count[p] != groups.supporter_count[best])
            return groups.supporter_count[p] > groups.supporter_count[best];
        return project_id_less(mine.id, theirs.id);
    };

    for (;;) {
        if (stop.now()) return std::nullopt;
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
        for (std::size_t g : groups.supporters[static_cast<std::size_t>(best)]) {
            const std::size_t c = class_of[g];
            if (moved_to[c] == SIZE_MAX) {
                mpq_class left = class_money[c] <= pay ? mpq_class(0) : mpq_class(class_money[c] - pay);
                const auto [it, added] = class_with_money.emplace(std::move(left), class_money.size());
                if (added) class_money.push_back(it->first);
                moved_to[c] = it->second;
            }
            class_of[g] = moved_to[c];
        }
        out_of_reach[static_cast<std::size_t>(best)] = true;
        run.funded.push_back(best);
        run.cap.push_back(pay);
    }
    for (std::size_t p = 0; p < count; ++p)
        for (std::size_t g : groups.supporters[p]) run.held_at_end[p] += class_money[class_of[g]] * groups.weight[g];
    return run;
}

}  // namespace

std::vector<int> equal_shares_outcome(const PbInstance& instance, const mpq_class& budget) {
    return run_equal_shares(instance, group_voters(instance), budget, {})->funded;
}

std::optional<EqualSharesRun> equal_shares_add1_run(const PbInstance& instance, const CountStop& stop) {
    const VoterGroups groups = group_voters(instance);
    const long voters = groups.voters;
    if (voters == 0) return run_equal_shares(instance, groups, 0, stop);
    std::size_t supported = 0;
    mpq_class supported_cost = 0;
    for (std::size_t p = 0; p < instance.projects.size(); ++p) {
        if (groups.supporter_count[p] == 0) continue;
        ++supported;
        supported_cost += instance.projects[p].cost;
    }
    mpz_class share;  // each voter's share of the virtual budget, in whole units
    mpz_fdiv_q(share.get_mpz_t(), instance.budget.get_num().get_mpz_t(),
               mpz_class(instance.budget.get_den() * voters).get_mpz_t());
    auto outcome = run_equal_shares(instance, groups, mpq_class(share * voters), stop);
    // Why this loop ends: the share grows by one unit each pass. Once a voter's share alone
    // covers `supported_cost`, every supporter can pay for all they approve by themselves, so
    // every supported project is funded and the first test below returns. So it makes at most
    // supported_cost - share + 1 passes. Projects nobody supports can never be funded and are
    // not waited for: a vote with a handful of ballots ends at once.
    while (outcome) {
        if (outcome->funded.size() == supported || share >= supported_cost) return outcome;
        share += 1;
        auto next = run_equal_shares(instance, groups, mpq_class(share * voters), stop);
        if (!next) return std::nullopt;
        if (total_cost(instance, next->funded) > instance.budget) return outcome;  // the last that fits
        outcome = std::move(next);
    }
    return std::nullopt;
}

std::vector<int> equal_shares_add1_outcome(const PbInstance& instance) {
    return equal_shares_add1_run(instance)->funded;
}

}  // namespace sv
