#include "pb_outcome.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <numeric>
#include <optional>

namespace sv {

std::vector<int> greedy_order(const PbInstance& instance, const std::vector<mpq_class>& scores) {
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
    return order;
}

std::vector<int> greedy_outcome(const PbInstance& instance) {
    std::vector<int> funded;
    mpq_class left = instance.budget;
    for (int p : greedy_order(instance, pb_scores(instance))) {
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

// Money as a function of each voter's starting share t: a*t + b. The add1 completion reruns
// equal shares at share after share; with money in this form one run can also say how far
// the share can rise before anything in the run could go differently (see StableBelow).
struct Linear {
    mpq_class a, b;
    mpq_class at(const mpq_class& t) const { return a * t + b; }
    bool operator<(const Linear& other) const { return a != other.a ? a < other.a : b < other.b; }
};

Linear operator-(const Linear& x, const Linear& y) {
    return {x.a - y.a, x.b - y.b};
}
Linear operator*(const Linear& x, const mpq_class& k) {
    return {x.a * k, x.b * k};
}
Linear operator/(const Linear& x, const mpq_class& k) {
    return {x.a / k, x.b / k};
}

// Every comparison a run made at share t, written as f >= 0 for a linear f that holds at t:
// the run goes exactly the same way (same projects bought in the same order, everyone paying
// by the same formula) at every share from t up to, not including, the first share where one
// of them could fail. The same outcome all the way: add1 can skip those shares.
struct StableBelow {
    mpq_class t;
    std::optional<mpq_class> end;  // none: nothing in the run changes as the share grows

    void keep_non_negative(const Linear& f) {
        if (f.a >= 0) return;               // holds at t and only grows
        const mpq_class root = -f.b / f.a;  // f turns negative past here (t itself if f(t) = 0)
        if (!end || root < *end) end = root;
    }
};

// A project's payment cap q (the most any supporter pays) as a function of the share, from
// which supporters pay all they have and which pay q; support is cost / q.
struct Cap {
    Linear formula;
    mpq_class now;  // at the share of the run
};

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

// Between projects of equal support: lower cost, then more supporters, then project id.
bool wins_support_tie(const PbInstance& instance, const VoterGroups& groups, std::size_t p, std::size_t best) {
    const auto& mine = instance.projects[p];
    const auto& theirs = instance.projects[best];
    if (mine.cost != theirs.cost) return mine.cost < theirs.cost;
    if (groups.supporter_count[p] != groups.supporter_count[best])
        return groups.supporter_count[p] > groups.supporter_count[best];
    return project_id_less(mine.id, theirs.id);
}

struct EqualSharesRunAt {
    EqualSharesRun run;
    StableBelow stable;
};

std::optional<EqualSharesRunAt> run_equal_shares(const PbInstance& instance, const VoterGroups& groups,
                                                 const mpq_class& share, const CountStop& stop) {
    const std::size_t count = instance.projects.size();
    EqualSharesRunAt result;
    EqualSharesRun& run = result.run;
    result.stable.t = share;
    run.budget = share * groups.voters;
    run.held_at_end.assign(count, 0);
    if (groups.voters == 0) return result;

    // Groups that have paid the same have the same money left: one value per class of groups,
    // so a round costs integer work per approval and arithmetic per class, not per voter.
    std::vector<Linear> class_money{{1, 0}};
    std::vector<mpq_class> class_now{share};
    std::map<Linear, std::size_t> class_with_money{{class_money[0], 0}};
    std::vector<std::size_t> class_of(groups.weight.size(), 0);
    std::vector<long> in_class;                    // supporters of one project per class, reused
    std::vector<std::size_t> touched;              // classes holding supporters of that project
    std::vector<bool> out_of_reach(count, false);  // funded, or its supporters can no longer afford it

    // Counts p's supporters per class of money (in `in_class`, listing the classes in
    // `touched`); returns what they hold between them.
    auto gather = [&](std::size_t p) {
        in_class.assign(class_money.size(), 0);
        touched.clear();
        for (std::size_t g : groups.supporters[p]) {
            if (in_class[class_of[g]] == 0) touched.push_back(class_of[g]);
            in_class[class_of[g]] += groups.weight[g];
        }
        Linear held{0, 0};
        for (std::size_t c : touched) {
            held.a += class_money[c].a * in_class[c];
            held.b += class_money[c].b * in_class[c];
        }
        return held;
    };
    // The smallest cap q with sum over supporters of min(money, q) = cost (the poorest pay all
    // they have), after gather(p) found them able to afford it. `capped` gets how many classes
    // (poorest first, in `touched`) pay all they have.
    auto payment_cap = [&](std::size_t p, std::size_t& capped) -> Cap {
        std::sort(touched.begin(), touched.end(),
                  [&](std::size_t x, std::size_t y) { return class_now[x] < class_now[y]; });
        Linear remaining{0, instance.projects[p].cost};
        long payers = groups.supporter_count[p];
        for (capped = 0; capped < touched.size(); ++capped) {
            const std::size_t c = touched[capped];
            if (class_now[c] * payers >= remaining.at(share)) break;
            remaining = remaining - class_money[c] * mpq_class(in_class[c]);
            payers -= in_class[c];
        }
        const Linear formula = remaining / mpq_class(payers);
        return {formula, formula.at(share)};
    };
    auto affordable = [&](std::size_t p, const Linear& held) {
        const Linear spare = held - Linear{0, instance.projects[p].cost};
        if (spare.at(share) >= 0) return true;
        result.stable.keep_non_negative(Linear{0, 0} - spare);  // its supporters stay short
        return false;
    };

    // Money only shrinks, so a project's cap only grows and its support only falls from round
    // to round: the support it had last time bounds what it can have now. Projects are looked
    // at in order of that bound, and the search stops once no bound can beat the best so far.
    // The bound's formula, too, is a bound at every share the run stands for (the formula of
    // a cap never exceeds the cap), so it also serves in the comparisons StableBelow keeps.
    std::vector<std::optional<Cap>> bound(count);  // none: not looked at yet (support unbounded)
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);
    // -1, 0 or 1 as x's support is lower than, equal to or higher than y's.
    auto compare_support = [&](std::size_t x, std::size_t y) {
        if (!bound[x] || !bound[y]) return !bound[x] && !bound[y] ? 0 : bound[x] ? -1 : 1;
        return sgn(instance.projects[x].cost * bound[y]->now - instance.projects[y].cost * bound[x]->now);
    };
    auto wins_tie = [&](std::size_t p, std::size_t best) { return wins_support_tie(instance, groups, p, best); };

    for (;;) {
        if (stop.now()) return std::nullopt;
        std::stable_sort(order.begin(), order.end(),
                         [&](std::size_t x, std::size_t y) { return compare_support(x, y) > 0; });
        int best = -1;
        for (std::size_t p : order) {
            if (out_of_reach[p]) continue;
            if (best >= 0 && compare_support(p, static_cast<std::size_t>(best)) < 0) break;
            if (groups.supporter_count[p] == 0 || !affordable(p, gather(p))) {
                out_of_reach[p] = true;  // money only shrinks: it will never be affordable again
                continue;
            }
            std::size_t capped = 0;
            bound[p] = payment_cap(p, capped);
            if (best < 0) {
                best = static_cast<int>(p);
                continue;
            }
            const int by_support = compare_support(p, static_cast<std::size_t>(best));
            if (by_support > 0 || (by_support == 0 && wins_tie(p, static_cast<std::size_t>(best))))
                best = static_cast<int>(p);
        }
        if (best < 0) break;
        const auto chosen = static_cast<std::size_t>(best);
        const Linear& q = bound[chosen]->formula;
        const mpq_class& cost = instance.projects[chosen].cost;
        // The comparisons that chose it: no other project's support passes it (ties as here).
        for (std::size_t p = 0; p < count; ++p)
            if (p != chosen && !out_of_reach[p] && bound[p])
                result.stable.keep_non_negative(bound[p]->formula * cost - q * instance.projects[p].cost);
        // Who pays all they have and who pays q stays the same, and so it stays affordable.
        const Linear held = gather(chosen);
        result.stable.keep_non_negative(held - Linear{0, cost});
        std::size_t capped = 0;
        payment_cap(chosen, capped);
        for (std::size_t i = 0; i < touched.size(); ++i)
            result.stable.keep_non_negative(i < capped ? q - class_money[touched[i]] : class_money[touched[i]] - q);
        // Each supporter pays min(money, q): their class moves to the class of what is left.
        std::vector<std::size_t> moved_to(class_money.size(), SIZE_MAX);
        for (std::size_t i = 0; i < touched.size(); ++i) {
            const std::size_t c = touched[i];
            const Linear left = i < capped ? Linear{0, 0} : class_money[c] - q;
            const auto [it, added] = class_with_money.emplace(left, class_money.size());
            if (added) {
                class_money.push_back(left);
                class_now.push_back(left.at(share));
            }
            moved_to[c] = it->second;
        }
        for (std::size_t g : groups.supporters[chosen]) class_of[g] = moved_to[class_of[g]];
        out_of_reach[chosen] = true;
        run.funded.push_back(best);
        run.cap.push_back(bound[chosen]->now);
    }
    for (std::size_t p = 0; p < count; ++p)
        for (std::size_t g : groups.supporters[p]) run.held_at_end[p] += class_now[class_of[g]] * groups.weight[g];
    return result;
}

// Equal shares in floating point, for speed (add1 reruns it a few hundred times on a city's
// ballots). Every decision it takes is either exact or checked to be clear of rounding by a
// relative margin far above what doubles can lose over a run; a decision too close to call
// makes it give up (`sure` false), and the run is done again exactly.
// Exact where it can be: whole numbers below 2^53, and their sums and products below it, are
// held exactly by doubles, so a voter who has paid nothing yet or has paid a whole amount
// holds money known exactly; supports worked out from such money are ratios of whole numbers
// compared by cross-multiplying. The exact ties real votes are full of are so still called.
__extension__ typedef __int128 Wide;

bool exactly_whole(double x) {
    constexpr double kExactBelow = 9007199254740992.0;  // 2^53
    return x == std::floor(x) && std::fabs(x) < kExactBelow;
}

struct FastRun {
    bool stopped = false;
    bool sure = true;
    std::vector<int> funded;
    std::vector<double> cap;          // per funded project: the most a supporter paid
    std::vector<double> held_at_end;  // per project: what its supporters had left at the end
};

FastRun run_in_doubles(const PbInstance& instance, const VoterGroups& groups, const std::vector<double>& cost,
                       double share, const CountStop& stop) {
    constexpr double kMargin = 1e-9;
    auto too_close = [](double x, double y) {
        return std::fabs(x - y) <= kMargin * std::max(std::fabs(x), std::fabs(y));
    };
    struct Support {
        bool whole = false;  // nobody short of the cap: support is `supporters` exactly
        long supporters = 0;
        double value = 0;
        bool exact = false;  // value is num / den exactly
        Wide num = 0, den = 1;
    };
    // -1, 0 or 1 as x is lower, equal or higher; 2 when too close to call.
    auto compare = [&](const std::optional<Support>& x, const std::optional<Support>& y) {
        if (!x || !y) return !x && !y ? 0 : x ? -1 : 1;  // none: not looked at yet, unbounded
        if (x->whole && y->whole) return x->supporters < y->supporters ? -1 : x->supporters > y->supporters ? 1 : 0;
        if (x->exact && y->exact) {
            const Wide left = x->num * y->den, right = y->num * x->den;
            return left < right ? -1 : left > right ? 1 : 0;
        }
        if (too_close(x->value, y->value)) return 2;
        return x->value < y->value ? -1 : 1;
    };

    FastRun result;
    const std::size_t count = instance.projects.size();
    std::vector<double> class_money{share};
    std::vector<bool> class_exact{exactly_whole(share)};
    std::map<double, std::size_t> class_with_money{{share, 0}};
    std::vector<std::size_t> class_of(groups.weight.size(), 0);
    std::vector<long> in_class;
    std::vector<std::size_t> touched;
    std::vector<bool> out_of_reach(count, false);
    std::vector<std::optional<Support>> bound(count);
    std::vector<double> cap(count, 0);
    std::vector<bool> cap_exact(count, false);
    std::vector<std::size_t> order(count);
    std::iota(order.begin(), order.end(), 0);
    auto wins_tie = [&](std::size_t p, std::size_t best) { return wins_support_tie(instance, groups, p, best); };
    // Its support, or none when its supporters cannot afford it; `sure` false when unclear.
    auto support_of = [&](std::size_t p) -> std::optional<Support> {
        for (std::size_t c : touched) in_class[c] = 0;  // what the last project left, and only that
        in_class.resize(class_money.size(), 0);
        touched.clear();
        for (std::size_t g : groups.supporters[p]) {
            if (in_class[class_of[g]] == 0) touched.push_back(class_of[g]);
            in_class[class_of[g]] += groups.weight[g];
        }
        bool exact = exactly_whole(cost[p]);
        double held = 0;
        for (std::size_t c : touched) {
            held += class_money[c] * static_cast<double>(in_class[c]);
            exact = exact && class_exact[c];
        }
        exact = exact && exactly_whole(held);
        if (!exact && too_close(held, cost[p])) result.sure = false;
        if (held < cost[p] || !result.sure) return std::nullopt;
        std::sort(touched.begin(), touched.end(),
                  [&](std::size_t x, std::size_t y) { return class_money[x] < class_money[y]; });
        double remaining = cost[p];
        long payers = groups.supporter_count[p];
        bool anyone_short = false;
        for (std::size_t c : touched) {
            const double all_pay_cap = class_money[c] * static_cast<double>(payers);
            exact = exact && exactly_whole(all_pay_cap);
            if (!exact && too_close(all_pay_cap, remaining)) {
                result.sure = false;
                return std::nullopt;
            }
            if (all_pay_cap >= remaining) break;
            remaining -= class_money[c] * static_cast<double>(in_class[c]);
            payers -= in_class[c];
            anyone_short = true;
        }
        cap[p] = remaining / static_cast<double>(payers);
        cap_exact[p] = exact && std::fmod(remaining, static_cast<double>(payers)) == 0;
        Support support{!anyone_short, groups.supporter_count[p], cost[p] / cap[p], exact, 0, 1};
        if (exact) {
            support.num = static_cast<Wide>(cost[p]) * payers;
            support.den = static_cast<Wide>(remaining);
        }
        return support;
    };

    for (;;) {
        if (stop.now()) {
            result.stopped = true;
            return result;
        }
        std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
            const int by = compare(bound[x], bound[y]);
            return by == 1 || (by == 2 && bound[x]->value > bound[y]->value);
        });
        int best = -1;
        for (std::size_t p : order) {
            if (out_of_reach[p]) continue;
            if (best >= 0 && compare(bound[p], bound[static_cast<std::size_t>(best)]) == -1) break;
            const auto support = groups.supporter_count[p] == 0 ? std::nullopt : support_of(p);
            if (!result.sure) return result;
            if (!support) {
                out_of_reach[p] = true;
                continue;
            }
            bound[p] = support;
            if (best < 0) {
                best = static_cast<int>(p);
                continue;
            }
            const int by = compare(bound[p], bound[static_cast<std::size_t>(best)]);
            if (by == 2) {
                result.sure = false;
                return result;
            }
            if (by == 1 || (by == 0 && wins_tie(p, static_cast<std::size_t>(best)))) best = static_cast<int>(p);
        }
        if (best < 0) break;
        const auto chosen = static_cast<std::size_t>(best);
        const double pay = cap[chosen];
        std::vector<std::size_t> moved_to(class_money.size(), SIZE_MAX);
        for (std::size_t g : groups.supporters[chosen]) {
            const std::size_t c = class_of[g];
            if (moved_to[c] == SIZE_MAX) {
                const double left = class_money[c] <= pay ? 0.0 : class_money[c] - pay;
                const bool exact = left == 0 || (class_exact[c] && cap_exact[chosen] && exactly_whole(left));
                const auto [it, added] = class_with_money.emplace(left, class_money.size());
                if (added) {
                    class_money.push_back(left);
                    class_exact.push_back(exact);
                } else {
                    class_exact[it->second] = class_exact[it->second] && exact;
                }
                moved_to[c] = it->second;
            }
            class_of[g] = moved_to[c];
        }
        out_of_reach[chosen] = true;
        result.funded.push_back(best);
        result.cap.push_back(pay);
    }
    result.held_at_end.assign(count, 0);
    for (std::size_t p = 0; p < count; ++p)
        for (std::size_t g : groups.supporters[p])
            result.held_at_end[p] += class_money[class_of[g]] * static_cast<double>(groups.weight[g]);
    return result;
}

}  // namespace

std::vector<int> equal_shares_outcome(const PbInstance& instance, const mpq_class& budget) {
    const auto groups = group_voters(instance);
    if (groups.voters == 0) return {};
    return run_equal_shares(instance, groups, budget / mpq_class(groups.voters), {})->run.funded;
}

std::optional<EqualSharesRun> equal_shares_add1_run(const PbInstance& instance, const CountStop& stop) {
    const VoterGroups groups = group_voters(instance);
    const long voters = groups.voters;
    if (voters == 0) {
        auto none = run_equal_shares(instance, groups, 0, stop);
        return none ? std::optional(none->run) : std::nullopt;
    }
    std::size_t supported = 0;
    mpq_class supported_cost = 0;
    for (std::size_t p = 0; p < instance.projects.size(); ++p) {
        if (groups.supporter_count[p] == 0) continue;
        ++supported;
        supported_cost += instance.projects[p].cost;
    }
    std::vector<double> cost;
    for (const auto& project : instance.projects) cost.push_back(project.cost.get_d());
    // The outcome at a share: in floating point when every decision is clear, else exactly.
    auto funded_at = [&](const mpz_class& share) -> std::optional<std::vector<int>> {
        auto fast = run_in_doubles(instance, groups, cost, share.get_d(), stop);
        if (fast.stopped) return std::nullopt;
        if (fast.sure) return std::move(fast.funded);
        auto exact = run_equal_shares(instance, groups, mpq_class(share), stop);
        if (!exact) return std::nullopt;
        return std::move(exact->run.funded);
    };
    using Clock = std::chrono::steady_clock;
    auto timed = [](auto&& work, Clock::duration& took) {
        const auto start = Clock::now();
        auto result = work();
        took = Clock::now() - start;
        return result;
    };

    mpz_class share;  // each voter's share of the virtual budget, in whole units
    mpz_fdiv_q(share.get_mpz_t(), instance.budget.get_num().get_mpz_t(),
               mpz_class(instance.budget.get_den() * voters).get_mpz_t());
    Clock::duration took{};
    auto outcome = timed([&] { return funded_at(share); }, took);
    // An exact run also tells how far the share can rise with the outcome unchanged
    // (StableBelow); pabulib's one-unit steps would pass through those shares unchanged, so
    // they are skipped. It costs more than a floating-point run and on a city's ballots seldom
    // skips much, so it is tried when the floating-point steps since the last try have taken
    // four times as long as that try did (the first is guessed at a hundred floating-point
    // steps; on a young vote's handful of ballots that is almost at once).
    Clock::duration stepping{}, last_exact = took * 100;
    // Why this loop ends: the share grows by at least one unit each pass. Once a voter's share
    // alone covers `supported_cost`, every supporter can pay for all they approve by themselves,
    // so every supported project is funded and the first test below ends it. So it makes at
    // most supported_cost - share + 1 passes. Projects nobody supports can never be funded and
    // are not waited for: a vote with a handful of ballots ends at once.
    while (outcome) {
        if (outcome->size() == supported || share >= supported_cost) break;
        mpz_class next = share + 1;
        if (stepping >= 4 * last_exact) {
            const auto exact =
                timed([&] { return run_equal_shares(instance, groups, mpq_class(share), stop); }, last_exact);
            if (!exact) return std::nullopt;
            if (!exact->stable.end) break;  // the same outcome at every higher share
            mpz_class stable_to;
            mpz_cdiv_q(stable_to.get_mpz_t(), exact->stable.end->get_num().get_mpz_t(),
                       exact->stable.end->get_den().get_mpz_t());
            next = std::max(next, stable_to);
            stepping = {};
        }
        auto following = timed([&] { return funded_at(next); }, took);
        stepping += took;
        if (!following) return std::nullopt;
        if (total_cost(instance, *following) > instance.budget) {
            // The last outcome that fits stands, and with it the last share one-unit steps
            // would have reached: every share below `next` gives this same outcome.
            share = next - 1;
            break;
        }
        outcome = std::move(following);
        share = next;
    }
    if (!outcome) return std::nullopt;
    // The winning share once more, for what each supporter paid and had left (to the penny
    // in floating point when sure, else exactly).
    auto details = run_in_doubles(instance, groups, cost, share.get_d(), stop);
    if (details.stopped) return std::nullopt;
    if (details.sure) {
        EqualSharesRun run;
        run.budget = mpq_class(share * voters);
        run.funded = std::move(details.funded);
        for (double paid : details.cap) run.cap.emplace_back(paid);
        for (double held : details.held_at_end) run.held_at_end.emplace_back(held);
        return run;
    }
    auto exact = run_equal_shares(instance, groups, mpq_class(share), stop);
    if (!exact) return std::nullopt;
    return std::move(exact->run);
}

std::vector<int> equal_shares_add1_outcome(const PbInstance& instance) {
    return equal_shares_add1_run(instance)->funded;
}

}  // namespace sv
