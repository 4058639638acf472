#pragma once
// Reads the pabulib `.pb` format tolerantly: a byte-order mark, `None` for absent values,
// spaces around cells, empty lines and a comma decimal in cost or budget are accepted (and
// noted, for `pb check`). A malformed file is an error naming its line.
#include <string>
#include <vector>

#include "pb_election.hpp"
#include "result.hpp"

namespace sv {

struct PbReading {
    PbElection election;
    std::vector<std::string> tolerated;  // "line 12: spaces around a cell", for strict checks
};

Result<PbReading> read_pabulib(const std::string& text, const std::string& source_name);
Result<PbReading> read_pabulib_file(const std::string& path);

}  // namespace sv
