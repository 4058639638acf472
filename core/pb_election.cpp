#include "pb_election.hpp"

namespace sv {

int PbTable::column(const std::string& name) const {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i] == name) return static_cast<int>(i);
    return -1;
}

std::optional<std::string> PbElection::meta_value(const std::string& key) const {
    for (const auto& [k, v] : meta)
        if (k == key) return v;
    return std::nullopt;
}

void PbElection::set_meta(const std::string& key, const std::string& value) {
    for (auto& [k, v] : meta) {
        if (k == key) {
            v = value;
            return;
        }
    }
    meta.emplace_back(key, value);
}

bool PbElection::operator==(const PbElection& other) const {
    return meta == other.meta && projects.columns == other.projects.columns && projects.rows == other.projects.rows &&
           votes.columns == other.votes.columns && votes.rows == other.votes.rows;
}

std::vector<std::string> split_pb_list(const std::string& field) {
    std::vector<std::string> items;
    std::size_t start = 0;
    while (start <= field.size()) {
        const std::size_t comma = field.find(',', start);
        const std::size_t end = comma == std::string::npos ? field.size() : comma;
        std::string item = field.substr(start, end - start);
        const auto first = item.find_first_not_of(" \t");
        const auto last = item.find_last_not_of(" \t");
        item = first == std::string::npos ? std::string() : item.substr(first, last - first + 1);
        if (!item.empty() || comma != std::string::npos) items.push_back(item);
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    if (items.size() == 1 && items[0].empty()) items.clear();
    return items;
}

}  // namespace sv
