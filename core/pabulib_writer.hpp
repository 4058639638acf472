#pragma once
// Writes the pabulib `.pb` format strictly (no spaces around cells, no empty lines, `.`
// decimals, num_projects/num_votes made true) and checks an election against the strict rules.
#include <string>
#include <vector>

#include "pabulib_reader.hpp"
#include "pb_election.hpp"

namespace sv {

std::string write_pabulib(const PbElection& election);

// Every problem with a file read by read_pabulib, as sentences; empty when it is clean.
std::vector<std::string> check_pabulib(const PbReading& reading);

}  // namespace sv
