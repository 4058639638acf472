#pragma once
// An election reduced to what outcome rules need: the budget, project costs and ballots
// as project indices, all in exact numbers.
#include <string>
#include <vector>

#include "pb_election.hpp"
#include "pb_number.hpp"
#include "result.hpp"

namespace sv {

struct PbProject {
    std::string id;
    mpq_class cost;
};

struct PbInstance {
    mpq_class budget;
    std::string vote_type;
    std::vector<PbProject> projects;
    std::vector<std::vector<int>> ballots;       // indices into projects, in ballot order
    std::vector<std::vector<mpq_class>> points;  // per ballot (cumulative, scoring); else empty
    std::vector<std::string> warnings;           // quirks counted as their cities counted them
};

Result<PbInstance> make_pb_instance(const PbElection& election);

// Each project's score: approvals (approval, choose-1), the sum of points (cumulative,
// scoring), or Borda (k, k-1, ..., 1 for a ballot of length k) for ordinal ballots.
std::vector<mpq_class> pb_scores(const PbInstance& instance);

// Orders project ids as numbers when both are whole numbers, else as text.
bool project_id_less(const std::string& a, const std::string& b);

mpq_class total_cost(const PbInstance& instance, const std::vector<int>& chosen);

}  // namespace sv
