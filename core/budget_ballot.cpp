#include "budget_ballot.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace sv {

bool BudgetBallot::has(int project) const {
    return std::find(chosen.begin(), chosen.end(), project) != chosen.end();
}

int BudgetBallot::points_for(int project) const {
    for (std::size_t i = 0; i < chosen.size() && i < points.size(); ++i)
        if (chosen[i] == project) return points[i];
    return 0;
}

mpq_class ballot_cost(const BudgetVote& vote, const BudgetBallot& ballot) {
    mpq_class total = 0;
    for (int p : ballot.chosen) total += vote.projects[static_cast<std::size_t>(p)].cost;
    return total;
}

int ballot_points(const BudgetBallot& ballot) {
    int total = 0;
    for (int n : ballot.points) total += n;
    return total;
}

namespace {

std::string count_of(int n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

bool valid_project(const BudgetVote& vote, int project) {
    return project >= 0 && static_cast<std::size_t>(project) < vote.projects.size();
}

}  // namespace

std::optional<Sentence> why_not_choose(const BudgetVote& vote, const BudgetBallot& ballot, int project) {
    if (!valid_project(vote, project)) return Sentence{"There is no such project."};
    if (ballot.has(project)) return Sentence{"You have already chosen this one."};
    const int most = vote.max_choices();
    if (vote.rules.type == BallotType::cumulative) return why_not_add_point(vote, ballot, project);
    if (static_cast<int>(ballot.chosen.size()) >= most) {
        if (vote.rules.type == BallotType::ranked)
            return Sentence{"You have picked your top {1}. Take one off to pick another.", {std::to_string(most)}};
        return Sentence{most == 1 ? "You can choose up to {1} project. Remove it to choose another."
                                  : "You can choose up to {1} projects. Remove one to choose another.",
                        {std::to_string(most)}};
    }
    if (vote.rules.type == BallotType::knapsack) {
        const mpq_class left = vote.budget - ballot_cost(vote, ballot);
        if (vote.projects[static_cast<std::size_t>(project)].cost > left)
            return Sentence{"That would go over the budget: you have {1} left. Remove a project to make room.",
                            {format_money(left, vote.currency)}};
    }
    return std::nullopt;
}

std::optional<Sentence> why_not_add_point(const BudgetVote& vote, const BudgetBallot& ballot, int project) {
    if (!valid_project(vote, project)) return Sentence{"There is no such project."};
    if (vote.rules.type != BallotType::cumulative) return Sentence{"This vote does not use points."};
    if (ballot_points(ballot) >= vote.rules.points)
        return Sentence{"You have used all {1} points. Take one from another project to move it here.",
                        {std::to_string(vote.rules.points)}};
    const int cap = vote.rules.max_points_per_project;
    if (cap > 0 && ballot.points_for(project) >= cap)
        return Sentence{cap == 1 ? "A project can have at most {1} point." : "A project can have at most {1} points.",
                        {std::to_string(cap)}};
    return std::nullopt;
}

bool choose(const BudgetVote& vote, BudgetBallot& ballot, int project) {
    if (vote.rules.type == BallotType::cumulative) return add_point(vote, ballot, project);
    if (why_not_choose(vote, ballot, project)) return false;
    ballot.chosen.push_back(project);
    return true;
}

void unchoose(BudgetBallot& ballot, int project) {
    for (std::size_t i = 0; i < ballot.chosen.size(); ++i) {
        if (ballot.chosen[i] != project) continue;
        ballot.chosen.erase(ballot.chosen.begin() + static_cast<std::ptrdiff_t>(i));
        if (i < ballot.points.size()) ballot.points.erase(ballot.points.begin() + static_cast<std::ptrdiff_t>(i));
        return;
    }
}

bool add_point(const BudgetVote& vote, BudgetBallot& ballot, int project) {
    if (why_not_add_point(vote, ballot, project)) return false;
    for (std::size_t i = 0; i < ballot.chosen.size(); ++i) {
        if (ballot.chosen[i] == project) {
            ++ballot.points[i];
            return true;
        }
    }
    ballot.chosen.push_back(project);
    ballot.points.push_back(1);
    return true;
}

void remove_point(BudgetBallot& ballot, int project) {
    for (std::size_t i = 0; i < ballot.chosen.size() && i < ballot.points.size(); ++i) {
        if (ballot.chosen[i] != project) continue;
        if (--ballot.points[i] == 0) unchoose(ballot, project);
        return;
    }
}

Status check_ballot(const BudgetVote& vote, const BudgetBallot& ballot) {
    const auto& rules = vote.rules;
    for (std::size_t i = 0; i < ballot.chosen.size(); ++i) {
        if (!valid_project(vote, ballot.chosen[i]))
            return Error{"The ballot names a project that is not in this vote."};
        for (std::size_t j = 0; j < i; ++j)
            if (ballot.chosen[j] == ballot.chosen[i]) return Error{"The ballot names a project twice."};
    }
    const int count = static_cast<int>(ballot.chosen.size());
    if (rules.type == BallotType::cumulative) {
        if (ballot.points.size() != ballot.chosen.size())
            return Error{"The ballot's points do not match its projects."};
        for (int n : ballot.points) {
            if (n < 1) return Error{"Every chosen project needs at least 1 point."};
            if (rules.max_points_per_project > 0 && n > rules.max_points_per_project)
                return Error{"A project can have at most " + count_of(rules.max_points_per_project, "point", "points") +
                             "."};
        }
        const int given = ballot_points(ballot);
        if (given > rules.points)
            return Error{"You can give " + count_of(rules.points, "point", "points") + " in all."};
        const int least = std::max(1, rules.min_points);
        if (given < least)
            return Error{"Give at least " + count_of(least, "point", "points") + " to the projects you like."};
        return ok_status();
    }
    if (!ballot.points.empty()) return Error{"This vote does not use points."};
    if (count > vote.max_choices())
        return Error{"You can choose up to " + count_of(vote.max_choices(), "project", "projects") + "."};
    const int least = std::max(1, rules.min_choices);
    if (count < least) return Error{"Choose at least " + count_of(least, "project", "projects") + "."};
    if (rules.type == BallotType::knapsack) {
        const mpq_class cost = ballot_cost(vote, ballot);
        if (cost > vote.budget)
            return Error{"Your choices cost " + format_money(cost, vote.currency) + ", more than the " +
                         format_money(vote.budget, vote.currency) + " there is."};
        const mpq_class least_spend = vote.budget * rules.min_spend_share;
        if (cost < least_spend)
            return Error{"Choose projects worth at least " + format_money(least_spend, vote.currency) +
                         " in all; you have " + format_money(cost, vote.currency) + " so far."};
    }
    return ok_status();
}

Sentence ballot_instruction(const BudgetVote& vote) {
    const auto& rules = vote.rules;
    const int most = vote.max_choices();
    const bool all = most == static_cast<int>(vote.projects.size());
    switch (rules.type) {
        case BallotType::knapsack:
            return {"Choose the projects you would pay for with {1}.", {format_money(vote.budget, vote.currency)}};
        case BallotType::ranked: return {"Pick your top {1}, favourite first.", {std::to_string(most)}};
        case BallotType::cumulative:
            return {rules.points == 1 ? "Give {1} point to the project you like."
                                      : "Share out {1} points between the projects you like.",
                    {std::to_string(rules.points)}};
        case BallotType::approval: break;
    }
    if (all) return {"Tick every project you would like to see done."};
    return {most == 1 ? "Choose {1} project you would like to see done."
                      : "Choose up to {1} projects you would like to see done.",
            {std::to_string(most)}};
}

std::string ballot_payload(const BudgetVote& vote, const BudgetBallot& ballot) {
    nlohmann::json doc;
    doc["ballot"] = ballot_type_name(vote.rules.type);
    auto& ids = doc["projects"] = nlohmann::json::array();
    for (int p : ballot.chosen) ids.push_back(vote.projects[static_cast<std::size_t>(p)].id);
    if (vote.rules.type == BallotType::cumulative) doc["points"] = ballot.points;
    return doc.dump();
}

Result<BudgetBallot> parse_ballot_payload(const BudgetVote& vote, const std::string& payload) {
    nlohmann::json doc = nlohmann::json::parse(payload, nullptr, false);
    if (doc.is_discarded() || !doc.is_object()) return Error{"The ballot is not valid JSON."};
    const auto type = doc.find("ballot");
    if (type == doc.end() || *type != ballot_type_name(vote.rules.type))
        return Error{std::string("The ballot is not a ") + ballot_type_name(vote.rules.type) + " ballot."};
    const auto projects = doc.find("projects");
    if (projects == doc.end() || !projects->is_array()) return Error{"The ballot has no list of projects."};
    BudgetBallot ballot;
    for (const auto& id : *projects) {
        const int index = id.is_string() ? vote.project_index(id.get<std::string>()) : -1;
        if (index < 0) return Error{"The ballot names a project that is not in this vote: " + id.dump() + "."};
        ballot.chosen.push_back(index);
    }
    if (vote.rules.type == BallotType::cumulative) {
        const auto points = doc.find("points");
        if (points == doc.end() || !points->is_array()) return Error{"The ballot has no points."};
        for (const auto& n : *points) {
            if (!n.is_number_integer() || n.get<long long>() < 0 || n.get<long long>() > 1000000)
                return Error{"The ballot's points must be whole numbers."};
            ballot.points.push_back(n.get<int>());
        }
    }
    if (auto valid = check_ballot(vote, ballot); !valid) return valid.error();
    return ballot;
}

}  // namespace sv
