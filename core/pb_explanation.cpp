#include "pb_explanation.hpp"

#include <algorithm>
#include <numeric>

#include "budget_vote.hpp"

namespace sv {
namespace {

std::string money(const mpq_class& amount, const std::string& currency) {
    return format_money(amount, currency.empty() ? std::string("units") : currency);
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string score_words(const PbInstance& instance, const mpq_class& score) {
    const std::string number = score.get_den() == 1 ? score.get_num().get_str() : std::to_string(score.get_d());
    if (!instance.points.empty()) return number + (score == 1 ? " point" : " points");
    if (instance.vote_type == "ordinal") return number + " Borda points";
    return number + (score == 1 ? " vote" : " votes");
}

// 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st.
std::string ordinal(std::size_t n) {
    const std::size_t last = n % 10, last_two = n % 100;
    const char* suffix = last_two >= 11 && last_two <= 13 ? "th"
                         : last == 1                      ? "st"
                         : last == 2                      ? "nd"
                         : last == 3                      ? "rd"
                                                          : "th";
    return std::to_string(n) + suffix;
}

}  // namespace

OutcomeExplanation explain_greedy(const PbInstance& instance, const std::string& currency) {
    OutcomeExplanation out;
    out.rule = "Greedy: most votes first, each project funded if it still fits";
    const auto scores = pb_scores(instance);
    out.funded = greedy_outcome(instance);
    // The walk again, in the same order, to say what was left at each project's turn.
    const std::vector<int> order = greedy_order(instance, scores);
    std::vector<bool> funded(instance.projects.size(), false);
    for (int p : out.funded) funded[static_cast<std::size_t>(p)] = true;
    mpq_class left = instance.budget;
    const std::string by = instance.points.empty() ? "votes" : "points";
    std::vector<ProjectExplanation> skipped;
    for (std::size_t place = 0; place < order.size(); ++place) {
        const auto p = static_cast<std::size_t>(order[place]);
        const auto& cost = instance.projects[p].cost;
        const std::string turn = ordinal(place + 1);
        if (funded[p]) {
            out.projects.push_back({order[place], true,
                                    "Funded: " + score_words(instance, scores[p]) + ", " + turn + " by " + by + "; " +
                                        money(left, currency) + " was left and it costs " + money(cost, currency) +
                                        "."});
            left -= cost;
        } else {
            skipped.push_back({order[place], false,
                               "Not funded: " + score_words(instance, scores[p]) + ", " + turn + " by " + by + "; " +
                                   money(left, currency) + " was left when its turn came, and it costs " +
                                   money(cost, currency) + "."});
        }
    }
    out.projects.insert(out.projects.end(), skipped.begin(), skipped.end());
    out.spent = total_cost(instance, out.funded);
    out.unspent = instance.budget - out.spent;
    out.how = "Projects are taken in order of " + std::string(instance.points.empty() ? "votes" : "points") +
              " (ties: the cheaper first); each is funded if it fits in what is left of the " +
              money(instance.budget, currency) + " budget.";
    return out;
}

std::optional<OutcomeExplanation> explain_equal_shares(const PbInstance& instance, const std::string& currency,
                                                       const CountStop& stop) {
    auto run = equal_shares_add1_run(instance, stop);
    if (!run) return std::nullopt;
    OutcomeExplanation out;
    out.rule = "Method of Equal Shares, with the add1 completion";
    out.funded = run->funded;
    std::vector<std::size_t> supporters(instance.projects.size(), 0);
    for (const auto& ballot : instance.ballots)
        for (int p : ballot) ++supporters[static_cast<std::size_t>(p)];
    std::vector<bool> funded(instance.projects.size(), false);
    for (std::size_t round = 0; round < run->funded.size(); ++round) {
        const auto p = static_cast<std::size_t>(run->funded[round]);
        funded[p] = true;
        out.projects.push_back({run->funded[round], true,
                                "Funded in round " + std::to_string(round + 1) + ": its " +
                                    plural(supporters[p], "supporter", "supporters") + " paid " +
                                    money(instance.projects[p].cost, currency) + " between them, at most " +
                                    money(run->cap[round], currency) + " each."});
    }
    for (std::size_t p = 0; p < instance.projects.size(); ++p) {
        if (funded[p]) continue;
        const auto& cost = instance.projects[p].cost;
        std::string why = supporters[p] == 0 ? "Not funded: nobody chose it."
                                             : "Not funded: its " + plural(supporters[p], "supporter", "supporters") +
                                                   " had " + money(run->held_at_end[p], currency) +
                                                   " between them when it needed " + money(cost, currency) + ".";
        out.projects.push_back({static_cast<int>(p), false, std::move(why)});
    }
    out.spent = total_cost(instance, out.funded);
    out.unspent = instance.budget - out.spent;
    const std::size_t voters = instance.ballots.size();
    if (voters == 0) {
        out.how = "No ballots yet: nothing is funded.";
        return out;
    }
    const mpq_class share = run->budget / mpq_class(static_cast<long>(voters));
    const mpq_class real_share = instance.budget / mpq_class(static_cast<long>(voters));
    out.how = "Each of the " + plural(voters, "voter", "voters") +
              " has an equal share of money to spend on the projects they chose. Round by round, the project "
              "that costs its supporters least each is bought; each supporter pays the same, or all they have "
              "left if that is less. An equal share of the " +
              money(instance.budget, currency) + " budget is " + money(real_share, currency) +
              "; as pabulib's add1 completion does, the shares were raised one unit "
              "at a time, to " +
              money(share, currency) + " each (" + money(run->budget, currency) +
              " in all), the highest at which the projects bought still fit the real budget.";
    return out;
}

std::string deciding_rule_sentence(const PbElection& election) {
    const auto rule = election.meta_value("rule");
    if (!rule || rule->empty()) return "The file does not say which rule decides.";
    if (*rule == "greedy") return "The file says greedy decides: most votes first, each project funded if it fits.";
    if (*rule == "equalshares/add1")
        return "The file says the Method of Equal Shares with the add1 completion decides.";
    if (rule->rfind("equalshares", 0) == 0)
        return "The file says the Method of Equal Shares decides (\"" + *rule + "\").";
    return "The file says the rule \"" + *rule + "\" decides; greedy and equal shares are shown for comparison.";
}

}  // namespace sv
