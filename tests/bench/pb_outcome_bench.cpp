// Outcome rule timings, run on demand:  build/tests/bench/pb_outcome_bench FIXTURE.pb [VOTERS PROJECTS]
// Times greedy and MES-add1 on a real file, then on a synthetic election (default 100,000
// voters x 200 projects, seeded: popular projects are approved more often), then on young
// votes: a handful of ballots where add1 must raise the shares a long way.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>

#include "pabulib_reader.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"

namespace {

template <class Fn>
double seconds(Fn fn) {
    const auto start = std::chrono::steady_clock::now();
    fn();
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void time_rules(const char* label, const sv::PbInstance& instance) {
    std::vector<int> greedy, mes;
    const double greedy_s = seconds([&] { greedy = sv::greedy_outcome(instance); });
    const double mes_s = seconds([&] { mes = sv::equal_shares_add1_outcome(instance); });
    std::size_t approvals = 0;
    for (const auto& b : instance.ballots) approvals += b.size();
    std::printf(
        "%-34s %7zu voters %4zu projects %9zu approvals | greedy %8.3f s (%zu funded) | mes-add1 %8.3f s (%zu "
        "funded)\n",
        label, instance.ballots.size(), instance.projects.size(), approvals, greedy_s, greedy.size(), mes_s,
        mes.size());
}

sv::PbInstance synthetic(std::size_t voters, std::size_t projects) {
    std::mt19937 random(2026);
    sv::PbInstance instance;
    instance.vote_type = "approval";
    mpq_class all = 0;
    std::uniform_int_distribution<long> cost(5000, 250000);
    for (std::size_t p = 0; p < projects; ++p) {
        instance.projects.push_back({std::to_string(p + 1), mpq_class(cost(random))});
        all += instance.projects.back().cost;
    }
    instance.budget = all / 4;
    // Zipf-like popularity: project p is picked with weight 1/(p+1).
    std::vector<double> weights(projects);
    for (std::size_t p = 0; p < projects; ++p) weights[p] = 1.0 / static_cast<double>(p + 1);
    std::discrete_distribution<int> pick(weights.begin(), weights.end());
    std::uniform_int_distribution<int> length(1, 10);
    for (std::size_t v = 0; v < voters; ++v) {
        std::vector<int> ballot;
        for (int n = length(random); n > 0; --n) {
            const int p = pick(random);
            if (std::find(ballot.begin(), ballot.end(), p) == ballot.end()) ballot.push_back(p);
        }
        instance.ballots.push_back(std::move(ballot));
    }
    return instance;
}

// A vote's first ballots: one voter backs a project costing 99,000,000 of a 100,000,000
// budget, the others small ones, so add1 raises the shares from about 100M / n to 99M.
sv::PbInstance young_vote(int ballots) {
    sv::PbInstance instance;
    instance.vote_type = "approval";
    instance.budget = 100000000;
    instance.projects.push_back({"1", mpq_class(99000000)});
    for (int p = 2; p <= 6; ++p) instance.projects.push_back({std::to_string(p), mpq_class(1000 * p + 7)});
    instance.ballots.push_back({0});
    for (int v = 1; v < ballots; ++v) instance.ballots.push_back({1 + v % 5, 1 + (v * 3) % 5});
    for (auto& ballot : instance.ballots) {
        std::sort(ballot.begin(), ballot.end());
        ballot.erase(std::unique(ballot.begin(), ballot.end()), ballot.end());
    }
    return instance;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 1) {
        auto reading = sv::read_pabulib_file(argv[1]);
        if (!reading) {
            std::fprintf(stderr, "%s\n", reading.error().message.c_str());
            return 2;
        }
        auto instance = sv::make_pb_instance(reading.value().election);
        if (!instance) return 2;
        time_rules(argv[1] + std::string(argv[1]).rfind('/') + 1, instance.value());
    }
    const std::size_t voters = argc > 2 ? std::stoul(argv[2]) : 100000;
    const std::size_t projects = argc > 3 ? std::stoul(argv[3]) : 200;
    time_rules("synthetic (seed 2026)", synthetic(voters, projects));
    time_rules("young: 2 ballots, 99M of 100M", young_vote(2));
    time_rules("young: 12 ballots, 99M of 100M", young_vote(12));
    return 0;
}
