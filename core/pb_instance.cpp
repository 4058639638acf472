#include "pb_instance.hpp"

#include <algorithm>
#include <map>

namespace sv {

Result<PbInstance> make_pb_instance(const PbElection& election) {
    PbInstance instance;
    const auto budget_text = election.meta_value("budget");
    const auto budget = budget_text ? parse_pb_number(*budget_text) : std::nullopt;
    if (!budget) return Error{"META budget is missing or not a number"};
    instance.budget = *budget;
    instance.vote_type = election.meta_value("vote_type").value_or("approval");

    std::map<std::string, int> index_of;
    const auto cost_at = static_cast<std::size_t>(election.projects.column("cost"));
    for (const auto& row : election.projects.rows) {
        const auto cost = parse_pb_number(row[cost_at]);
        if (!cost) return Error{"project " + row[0] + " has no usable cost"};
        index_of[row[0]] = static_cast<int>(instance.projects.size());
        instance.projects.push_back({row[0], *cost});
    }
    const int vote_at = election.votes.column("vote");
    const int points_at = election.votes.column("points");
    const bool uses_points = instance.vote_type == "cumulative" || instance.vote_type == "scoring";
    if (vote_at < 0) return Error{"VOTES has no vote column"};
    if (uses_points && points_at < 0) return Error{"VOTES has no points column for " + instance.vote_type + " votes"};
    for (const auto& row : election.votes.rows) {
        std::vector<int> ballot;
        for (const auto& id : split_pb_list(row[static_cast<std::size_t>(vote_at)])) {
            const auto found = index_of.find(id);
            if (found == index_of.end()) return Error{"voter " + row[0] + " votes for unknown project " + id};
            ballot.push_back(found->second);
        }
        std::vector<mpq_class> points;
        if (uses_points) {
            for (const auto& p : split_pb_list(row[static_cast<std::size_t>(points_at)])) {
                const auto value = parse_pb_number(p);
                if (!value) return Error{"voter " + row[0] + " has points \"" + p + "\" that are not a number"};
                points.push_back(*value);
            }
            if (points.size() != ballot.size())
                return Error{"voter " + row[0] + " has points that do not match the vote"};
        }
        // A project listed twice in one ballot counts once (its first place and points), as
        // independent tools count real cities' files that have it; it is reported.
        for (std::size_t i = 1; i < ballot.size(); ++i) {
            if (std::find(ballot.begin(), ballot.begin() + static_cast<long>(i), ballot[i]) ==
                ballot.begin() + static_cast<long>(i))
                continue;
            instance.warnings.push_back("voter " + row[0] + " chooses project " +
                                        instance.projects[static_cast<std::size_t>(ballot[i])].id +
                                        " twice; it is counted once");
            ballot.erase(ballot.begin() + static_cast<long>(i));
            if (uses_points) points.erase(points.begin() + static_cast<long>(i));
            --i;
        }
        if (uses_points) instance.points.push_back(std::move(points));
        instance.ballots.push_back(std::move(ballot));
    }
    return instance;
}

std::vector<mpq_class> pb_scores(const PbInstance& instance) {
    std::vector<mpq_class> scores(instance.projects.size(), 0);
    for (std::size_t v = 0; v < instance.ballots.size(); ++v) {
        const auto& ballot = instance.ballots[v];
        for (std::size_t i = 0; i < ballot.size(); ++i) {
            auto& score = scores[static_cast<std::size_t>(ballot[i])];
            if (!instance.points.empty())
                score += instance.points[v][i];
            else if (instance.vote_type == "ordinal")
                score += static_cast<long>(ballot.size() - i);
            else
                score += 1;
        }
    }
    return scores;
}

bool project_id_less(const std::string& a, const std::string& b) {
    auto whole = [](const std::string& s) {
        return !s.empty() && s.size() < 19 &&
               std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
    };
    if (whole(a) && whole(b)) return std::stoll(a) < std::stoll(b);
    return a < b;
}

mpq_class total_cost(const PbInstance& instance, const std::vector<int>& chosen) {
    mpq_class sum = 0;
    for (int p : chosen) sum += instance.projects[static_cast<std::size_t>(p)].cost;
    return sum;
}

}  // namespace sv
