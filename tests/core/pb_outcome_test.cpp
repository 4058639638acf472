#include <atomic>
#include <catch2/catch.hpp>
#include <random>
#include <set>

#include "pabulib_reader.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"

namespace {

sv::PbElection fixture(const std::string& name) {
    auto reading = sv::read_pabulib_file(std::string(STREETVOICE_PB_FIXTURES) + "/" + name);
    if (!reading) FAIL(reading.error().message);
    return reading.value().election;
}

sv::PbInstance instance_of(const sv::PbElection& election) {
    auto instance = sv::make_pb_instance(election);
    if (!instance) FAIL(instance.error().message);
    return instance.value();
}

std::set<std::string> selected_column(const sv::PbElection& e) {
    std::set<std::string> ids;
    const auto at = static_cast<std::size_t>(e.projects.column("selected"));
    for (const auto& row : e.projects.rows)
        if (row[at] == "1") ids.insert(row[0]);
    return ids;
}

std::vector<std::string> ids(const sv::PbInstance& instance, const std::vector<int>& chosen) {
    std::vector<std::string> out;
    for (int p : chosen) out.push_back(instance.projects[static_cast<std::size_t>(p)].id);
    return out;
}

std::set<std::string> id_set(const sv::PbInstance& instance, const std::vector<int>& chosen) {
    const auto list = ids(instance, chosen);
    return {list.begin(), list.end()};
}

// A small election written by hand: projects "id:cost", ballots as lists of ids.
sv::PbInstance hand_made(const std::string& budget, const std::vector<std::pair<std::string, long>>& projects,
                         const std::vector<std::vector<std::string>>& ballots) {
    sv::PbElection e;
    e.meta = {{"budget", budget}, {"vote_type", "approval"}};
    e.projects.columns = {"project_id", "cost"};
    for (const auto& [id, cost] : projects) e.projects.rows.push_back({id, std::to_string(cost)});
    e.votes.columns = {"voter_id", "vote"};
    int voter = 0;
    for (const auto& ballot : ballots) {
        std::string vote;
        for (const auto& id : ballot) vote += (vote.empty() ? "" : ",") + id;
        e.votes.rows.push_back({"v" + std::to_string(++voter), vote});
    }
    return instance_of(e);
}

}  // namespace

TEST_CASE("greedy reproduces what Warszawa-Wesola funded in 2023") {
    const auto e = fixture("Poland_Warszawa_2023_Wesola.pb");
    const auto instance = instance_of(e);
    CHECK(id_set(instance, sv::greedy_outcome(instance)) == selected_column(e));
}

TEST_CASE("Method of Equal Shares with add1 reproduces what Assen funded in 2024") {
    const auto e = fixture("Netherlands_Assen_2024.pb");
    const auto instance = instance_of(e);
    const auto funded = sv::equal_shares_add1_outcome(instance);
    CHECK(id_set(instance, funded) == selected_column(e));
    CHECK(sv::total_cost(instance, funded) <= instance.budget);
    // Plain MES at the real budget funds less: the completion matters here.
    CHECK(sv::equal_shares_outcome(instance, instance.budget).size() < funded.size());
}

TEST_CASE("cumulative and ordinal fixtures tally to the scores the files publish") {
    for (const char* name : {"Switzerland_Zurich_D10.pb", "Switzerland_Zurich_S5R.pb"}) {
        INFO(name);
        const auto e = fixture(name);
        const auto instance = instance_of(e);
        const auto scores = sv::pb_scores(instance);
        const auto score_at = static_cast<std::size_t>(e.projects.column("score"));
        const auto votes_at = static_cast<std::size_t>(e.projects.column("votes"));
        std::vector<long> voters(instance.projects.size(), 0);
        for (const auto& ballot : instance.ballots)
            for (int p : ballot) ++voters[static_cast<std::size_t>(p)];
        for (std::size_t p = 0; p < instance.projects.size(); ++p) {
            CHECK(scores[p] == mpq_class(e.projects.rows[p][score_at]));
            CHECK(voters[p] == std::stol(e.projects.rows[p][votes_at]));
        }
        CHECK_FALSE(sv::greedy_outcome(instance).empty());
    }
}

TEST_CASE("greedy skips what does not fit and walks on") {
    // Scores: A 3, B 2, C 1. Budget 10: A (6) fits, B (5) does not, C (4) does.
    const auto instance = hand_made("10", {{"A", 6}, {"B", 5}, {"C", 4}}, {{"A", "B", "C"}, {"A", "B"}, {"A"}});
    CHECK(ids(instance, sv::greedy_outcome(instance)) == std::vector<std::string>{"A", "C"});
}

TEST_CASE("greedy breaks ties by lower cost, then by project id") {
    // All three have two votes. B is cheapest; A and C cost the same, so A (lower id) comes first.
    // Budget 9: B (3), then A (5) leaves 1, so C (5) does not fit.
    const auto instance = hand_made("9", {{"C", 5}, {"A", 5}, {"B", 3}}, {{"A", "B", "C"}, {"A", "B", "C"}});
    CHECK(ids(instance, sv::greedy_outcome(instance)) == std::vector<std::string>{"B", "A"});
    // Ids that are numbers compare as numbers: 9 before 10.
    const auto numeric = hand_made("5", {{"10", 5}, {"9", 5}}, {{"9", "10"}});
    CHECK(ids(numeric, sv::greedy_outcome(numeric)) == std::vector<std::string>{"9"});
}

TEST_CASE("equal shares on a worked example") {
    // 4 voters, budget 40: each holds 10. X (cost 20) has supporters 1,2,3: q = 20/3, effective
    // support 3. Y (cost 10) has supporters 3,4: q = 5, support 2. Z (cost 30): supporters 1,2
    // hold only 20 and it is dropped. Fund X; 1,2,3 keep 10/3 each. Y: voter 3 has 10/3 and
    // voter 4 has 10, 40/3 >= 10: q = 5 is not enough for voter 3 (10/3 < 5), so voter 3 pays
    // 10/3 and voter 4 pays 20/3. Y is funded second.
    const auto instance =
        hand_made("40", {{"X", 20}, {"Y", 10}, {"Z", 30}}, {{"X", "Z"}, {"X", "Z"}, {"X", "Y"}, {"Y"}});
    CHECK(ids(instance, sv::equal_shares_outcome(instance, instance.budget)) == std::vector<std::string>{"X", "Y"});
}

TEST_CASE("equal shares breaks ties by lower cost, then more supporters, then id") {
    // 2 voters with 10 each. P (cost 4, both) and Q (cost 8, both): effective supports 2 and 2.
    // Lower cost first: P, then Q (each pays 2 then 4).
    const auto by_cost = hand_made("20", {{"Q", 8}, {"P", 4}}, {{"P", "Q"}, {"P", "Q"}});
    CHECK(ids(by_cost, sv::equal_shares_outcome(by_cost, by_cost.budget)) == std::vector<std::string>{"P", "Q"});
    // Same cost and support: the lower id wins the first round.
    const auto by_id = hand_made("20", {{"B", 6}, {"A", 6}}, {{"A", "B"}, {"A", "B"}});
    CHECK(ids(by_id, sv::equal_shares_outcome(by_id, by_id.budget)).front() == "A");
    // Same effective support and cost, more supporters wins. 4 voters with 10 each. Round 1: A
    // (cost 30; voters 1-3; q = 10, support 3) beats Z (cost 8; voters 1, 4; support 2) and Y
    // (cost 8; voter 4; support 1), and empties voters 1-3. Round 2: Y has q = 8, support 1; Z's
    // voter 1 has nothing, so voter 4 pays all 8: q = 8, support 1 too. Equal cost: Z has two
    // supporters to Y's one, so Z is funded though "Y" sorts first. Voter 4 then has 2: no Y.
    const auto by_support = hand_made("40", {{"A", 30}, {"Y", 8}, {"Z", 8}}, {{"A", "Z"}, {"A"}, {"A"}, {"Y", "Z"}});
    CHECK(ids(by_support, sv::equal_shares_outcome(by_support, by_support.budget)) ==
          std::vector<std::string>{"A", "Z"});
}

TEST_CASE("the add1 completion spends what plain equal shares leaves") {
    // 2 voters, budget 10, so 5 each. A (cost 6) is backed by voter 1 alone: plain MES cannot
    // fund it. B (cost 4) by voter 2. add1 raises the virtual budget 2 at a time until voter 1
    // can pay 6 (virtual 12), where the outcome {B, A} costs 10 and still fits.
    const auto instance = hand_made("10", {{"A", 6}, {"B", 4}}, {{"A"}, {"B"}});
    CHECK(id_set(instance, sv::equal_shares_outcome(instance, instance.budget)) == std::set<std::string>{"B"});
    CHECK(id_set(instance, sv::equal_shares_add1_outcome(instance)) == std::set<std::string>{"A", "B"});
    // It never goes over the real budget: with A costing 7 the pair would cost 11.
    const auto over = hand_made("10", {{"A", 7}, {"B", 4}}, {{"A"}, {"B"}});
    CHECK(id_set(over, sv::equal_shares_add1_outcome(over)) == std::set<std::string>{"B"});
}

TEST_CASE("a young vote's equal shares outcome comes at once, as worked out by hand") {
    // No ballots: nothing is funded.
    const auto none = hand_made("100000", {{"A", 40000}, {"B", 50000}, {"C", 30000}}, {});
    CHECK(sv::equal_shares_add1_outcome(none).empty());
    // One ballot for one project of three: its voter holds the whole 100,000 and buys A (40,000);
    // nobody chose B or C, so raising the budget could never fund them.
    const auto one = hand_made("100000", {{"A", 40000}, {"B", 50000}, {"C", 30000}}, {{"A"}});
    CHECK(ids(one, sv::equal_shares_add1_outcome(one)) == std::vector<std::string>{"A"});
    // Two ballots: 50,000 each. Voter 2 buys B (30,000); voter 1 cannot pay A (80,000). Raising
    // the shares funds A once a share reaches 80,000, but B and A cost 110,000, over the budget:
    // the last outcome that fits is B alone.
    const auto two = hand_made("100000", {{"A", 80000}, {"B", 30000}, {"C", 10000}}, {{"A"}, {"B"}});
    CHECK(ids(two, sv::equal_shares_add1_outcome(two)) == std::vector<std::string>{"B"});
    // Three ballots, 30,000 each (90,000: the budget rounded down to a multiple of 3). C (10,000)
    // is backed by all three: 3,333.33 each, support 3. A (40,000) by voters 1 and 2, who then
    // hold 53,333.33 between them: bought second. B (50,000) by voter 3 alone, who holds
    // 26,666.67. Shares go up one at a time; at 33,334 each voter 3 still holds 30,000.67 after
    // C: short of B until the shares reach 53,334, where C, A and B cost 100,000 and fit.
    const auto three =
        hand_made("100000", {{"A", 40000}, {"B", 50000}, {"C", 10000}}, {{"A", "C"}, {"A", "C"}, {"B", "C"}});
    CHECK(ids(three, sv::equal_shares_add1_outcome(three)) == std::vector<std::string>{"C", "A", "B"});
}

TEST_CASE("the add1 completion goes on past a budget where nothing more fits") {
    // Budget 11, 3 voters: 3 each (9, the budget rounded down to a multiple of 3). W (cost 10)
    // is backed by all three, X (cost 6) by voters 1 and 2. At 3 each W is out of reach (9 < 10)
    // and X is bought (3 each from voters 1 and 2): {X} costs 6, and W (10) does not fit in the
    // 5 left, so a rule that stopped once nothing fits would give {X}. Pabulib's add1 raises the
    // shares on: at 4 each W (support 3) comes before X (support 2) and leaves voters 1 and 2
    // 2/3 each, too little for X: {W} costs 10 and fits. X comes back only at 7 each, where
    // {W, X} costs 16 > 11: the last outcome that fits is {W}.
    const auto swapped = hand_made("11", {{"W", 10}, {"X", 6}}, {{"W", "X"}, {"W", "X"}, {"W"}});
    CHECK(ids(swapped, sv::equal_shares_add1_outcome(swapped)) == std::vector<std::string>{"W"});
    // Budget 12, 2 voters: 6 each. Voter 1 backs A (4) and C (8), voter 2 backs B (8). At 6
    // each only A is bought; at 8 each A, then B: {A, B} costs 12. At 12 each voter 1 can pay
    // for C too, {A, B, C} costs 20 > 12, so {A, B} stands.
    const auto fits = hand_made("12", {{"A", 4}, {"B", 8}, {"C", 8}}, {{"A", "C"}, {"B"}});
    CHECK(ids(fits, sv::equal_shares_add1_outcome(fits)) == std::vector<std::string>{"A", "B"});
}

TEST_CASE("a project listed twice in one ballot counts once and is reported") {
    sv::PbElection e;
    e.meta = {{"budget", "10"}, {"vote_type", "approval"}};
    e.projects.columns = {"project_id", "cost"};
    e.projects.rows = {{"1", "6"}, {"2", "5"}};
    e.votes.columns = {"voter_id", "vote"};
    e.votes.rows = {{"37051", "2,1,2"}, {"37052", "1"}};
    const auto instance = instance_of(e);
    CHECK(instance.ballots[0] == std::vector<int>{1, 0});
    REQUIRE(instance.warnings.size() == 1);
    CHECK_THAT(instance.warnings[0], Catch::Contains("voter 37051 chooses project 2 twice"));
    // Counted once: project 1 has 2 votes, project 2 one.
    CHECK(sv::pb_scores(instance) == std::vector<mpq_class>{2, 1});
    CHECK(ids(instance, sv::greedy_outcome(instance)) == std::vector<std::string>{"1"});
}

TEST_CASE("a count told to stop gives up between rounds and says so") {
    const auto e = fixture("Netherlands_Assen_2024.pb");
    const auto instance = instance_of(e);
    std::atomic<bool> stop{true};
    CHECK_FALSE(sv::equal_shares_add1_run(instance, {&stop, std::nullopt}).has_value());
    CHECK_FALSE(sv::equal_shares_add1_run(instance, {nullptr, std::chrono::steady_clock::now()}).has_value());
    stop = false;
    CHECK(sv::equal_shares_add1_run(instance, {&stop, std::nullopt}).has_value());
}

namespace {

// Equal shares written as plainly as the rules put it, voter by voter, for comparison.
std::vector<int> plain_equal_shares(const sv::PbInstance& instance, const mpq_class& budget) {
    const std::size_t n = instance.ballots.size();
    if (n == 0) return {};
    std::vector<mpq_class> money(n, budget / mpq_class(static_cast<long>(n)));
    std::vector<bool> funded(instance.projects.size(), false);
    std::vector<int> outcome;
    for (;;) {
        int best = -1;
        mpq_class best_q;
        for (std::size_t p = 0; p < instance.projects.size(); ++p) {
            if (funded[p]) continue;
            std::vector<mpq_class> theirs;
            for (std::size_t v = 0; v < n; ++v)
                for (int chosen : instance.ballots[v])
                    if (chosen == static_cast<int>(p)) theirs.push_back(money[v]);
            mpq_class held = 0;
            for (const auto& m : theirs) held += m;
            const mpq_class& cost = instance.projects[p].cost;
            if (theirs.empty() || held < cost) continue;
            std::sort(theirs.begin(), theirs.end());
            mpq_class remaining = cost, q;
            for (std::size_t i = 0; i < theirs.size(); ++i) {
                const long payers = static_cast<long>(theirs.size() - i);
                if (theirs[i] * payers >= remaining) {
                    q = remaining / payers;
                    break;
                }
                remaining -= theirs[i];
            }
            auto better = [&] {  // support cost/q, then lower cost, more supporters, lower id
                const int by = sgn(cost * best_q - instance.projects[static_cast<std::size_t>(best)].cost * q);
                if (by != 0) return by > 0;
                const auto& other = instance.projects[static_cast<std::size_t>(best)];
                if (cost != other.cost) return cost < other.cost;
                std::size_t others = 0;
                for (const auto& b : instance.ballots) others += std::count(b.begin(), b.end(), best);
                if (theirs.size() != others) return theirs.size() > others;
                return sv::project_id_less(instance.projects[p].id, other.id);
            };
            if (best < 0 || better()) {
                best = static_cast<int>(p);
                best_q = q;
            }
        }
        if (best < 0) return outcome;
        funded[static_cast<std::size_t>(best)] = true;
        outcome.push_back(best);
        for (std::size_t v = 0; v < n; ++v)
            for (int chosen : instance.ballots[v])
                if (chosen == best) money[v] -= std::min(money[v], best_q);
    }
}

// Pabulib's add1 taken literally: one unit per voter at a time. `virtual_budget`: where it ended.
std::vector<int> plain_add1(const sv::PbInstance& instance, mpq_class& virtual_budget) {
    const long n = static_cast<long>(instance.ballots.size());
    virtual_budget = 0;
    if (n == 0) return {};
    std::set<int> supported;
    for (const auto& b : instance.ballots) supported.insert(b.begin(), b.end());
    mpz_class share;
    mpz_fdiv_q(share.get_mpz_t(), instance.budget.get_num().get_mpz_t(),
               mpz_class(instance.budget.get_den() * n).get_mpz_t());
    auto outcome = plain_equal_shares(instance, mpq_class(share * n));
    while (outcome.size() < supported.size()) {
        share += 1;
        auto next = plain_equal_shares(instance, mpq_class(share * n));
        if (sv::total_cost(instance, next) > instance.budget) {
            share -= 1;
            break;
        }
        outcome = next;
    }
    virtual_budget = mpq_class(share * n);
    return outcome;
}

}  // namespace

TEST_CASE("equal shares with add1 gives what the rules taken literally give, on 300 random small votes") {
    // Small costs so the literal one-unit steps finish; ties on purpose (costs from a short list).
    std::mt19937 random(20261128);
    for (int round = 0; round < 300; ++round) {
        const int projects = std::uniform_int_distribution<int>(1, 6)(random);
        const int voters = std::uniform_int_distribution<int>(0, 9)(random);
        std::vector<std::pair<std::string, long>> costs;
        long all = 0;
        for (int p = 0; p < projects; ++p) {
            costs.emplace_back(std::string(1, static_cast<char>('A' + p)),
                               std::uniform_int_distribution<long>(1, 12)(random) * 5);
            all += costs.back().second;
        }
        std::vector<std::vector<std::string>> ballots;
        for (int v = 0; v < voters; ++v) {
            std::vector<std::string> ballot;
            for (int p = 0; p < projects; ++p)
                if (std::bernoulli_distribution(0.4)(random))
                    ballot.push_back(costs[static_cast<std::size_t>(p)].first);
            ballots.push_back(ballot);
        }
        const long budget = std::uniform_int_distribution<long>(1, std::max(1L, all))(random);
        const auto instance = hand_made(std::to_string(budget), costs, ballots);
        INFO("vote " << round << ": budget " << budget << ", " << voters << " voters, " << projects << " projects");
        CHECK(sv::equal_shares_outcome(instance, instance.budget) == plain_equal_shares(instance, instance.budget));
        mpq_class virtual_budget;
        const auto literal = plain_add1(instance, virtual_budget);
        const auto run = sv::equal_shares_add1_run(instance);
        REQUIRE(run);
        CHECK(run->funded == literal);
        CHECK(run->budget == virtual_budget);  // the same last share, so the same payments shown
    }
}
