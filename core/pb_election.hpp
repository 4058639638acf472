#pragma once
// A participatory budgeting election as the pabulib `.pb` format holds it: META key/values
// in file order, and the PROJECTS and VOTES tables with every column they carry, so that
// reading a file and writing it back keeps all of it.
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace sv {

struct PbTable {
    std::vector<std::string> columns;
    std::vector<std::vector<std::string>> rows;  // each as long as `columns`

    // Index of a column, or -1.
    int column(const std::string& name) const;
};

struct PbElection {
    std::vector<std::pair<std::string, std::string>> meta;
    PbTable projects;  // first column project_id
    PbTable votes;     // first column voter_id

    std::optional<std::string> meta_value(const std::string& key) const;
    void set_meta(const std::string& key, const std::string& value);

    bool operator==(const PbElection& other) const;
};

// Lists inside a field ("1,5,9") as their items, trimmed; an empty field is an empty list.
std::vector<std::string> split_pb_list(const std::string& field);

}  // namespace sv
