#pragma once
// Why a PB election's outcome is what it is, project by project, in sentences an officer can
// quote to councillors: for greedy, what was left when each project's turn came; for equal
// shares, the round each project was bought in and what its supporters paid, or what they
// had between them when it needed more.
#include <optional>
#include <string>
#include <vector>

#include "pb_election.hpp"
#include "pb_instance.hpp"
#include "pb_outcome.hpp"

namespace sv {

struct ProjectExplanation {
    int project = 0;  // index into the instance's projects
    bool funded = false;
    std::string why;  // "Not funded: £15,000 was left when its turn came, and it costs £18,000."
};

struct OutcomeExplanation {
    std::string rule;                          // "Greedy (most votes first)"
    std::vector<int> funded;                   // in funding order
    std::vector<ProjectExplanation> projects;  // funded first, in funding order, then the rest
    mpq_class spent;
    mpq_class unspent;
    std::string how;  // one paragraph on how the rule went for this vote
};

// `currency` as pabulib's META currency or a campaign's ("GBP", "PLN"); empty for plain numbers.
OutcomeExplanation explain_greedy(const PbInstance& instance, const std::string& currency);
// Nothing when `stop` says so before the count ends.
std::optional<OutcomeExplanation> explain_equal_shares(const PbInstance& instance, const std::string& currency,
                                                       const CountStop& stop = {});

// "The file says greedy decides (…)." from META rule, in words; a file without one says so.
std::string deciding_rule_sentence(const PbElection& election);

}  // namespace sv
