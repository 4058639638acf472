#include "pabulib_writer.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "pb_number.hpp"

namespace sv {
namespace {

std::string cell_text(const std::string& cell) {
    const bool needs_quotes = cell.find_first_of(";\"\n\r") != std::string::npos ||
                              (!cell.empty() && (cell.front() == ' ' || cell.back() == ' '));
    if (!needs_quotes) return cell;
    std::string quoted = "\"";
    for (char c : cell) {
        if (c == '"') quoted += '"';
        quoted += c;
    }
    return quoted + "\"";
}

void write_row(std::string& out, const std::vector<std::string>& cells) {
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i) out += ';';
        out += cell_text(cells[i]);
    }
    out += '\n';
}

const char* const kRequiredMeta[] = {"description", "country",   "unit", "instance",   "num_projects", "num_votes",
                                     "budget",      "vote_type", "rule", "date_begin", "date_end"};
const char* const kVoteTypes[] = {"approval", "ordinal", "cumulative", "scoring", "choose-1"};

bool is_date(const std::string& s) {
    auto digits = [&](std::size_t from, std::size_t count) {
        return std::all_of(s.begin() + static_cast<long>(from), s.begin() + static_cast<long>(from + count),
                           [](char c) { return c >= '0' && c <= '9'; });
    };
    if (s.size() == 4) return digits(0, 4);
    return s.size() == 10 && s[2] == '.' && s[5] == '.' && digits(0, 2) && digits(3, 2) && digits(6, 4);
}

std::optional<mpq_class> meta_number(const PbElection& e, const char* key) {
    const auto v = e.meta_value(key);
    return v && !v->empty() ? parse_pb_number(*v) : std::nullopt;
}

}  // namespace

std::string write_pabulib(const PbElection& election) {
    PbElection e = election;
    e.set_meta("num_projects", std::to_string(e.projects.rows.size()));
    e.set_meta("num_votes", std::to_string(e.votes.rows.size()));
    std::string out = "META\nkey;value\n";
    for (const auto& [key, value] : e.meta) write_row(out, {key, value});
    out += "PROJECTS\n";
    write_row(out, e.projects.columns);
    for (const auto& row : e.projects.rows) write_row(out, row);
    out += "VOTES\n";
    write_row(out, e.votes.columns);
    for (const auto& row : e.votes.rows) write_row(out, row);
    return out;
}

std::vector<std::string> check_pabulib(const PbReading& reading) {
    const PbElection& e = reading.election;
    std::vector<std::string> problems;
    for (const auto& t : reading.tolerated) problems.push_back(t + " (not allowed in a strict file)");

    for (const char* key : kRequiredMeta)
        if (!e.meta_value(key)) problems.push_back(std::string("META has no ") + key);
    if (auto n = e.meta_value("num_projects"); n && *n != std::to_string(e.projects.rows.size()))
        problems.push_back("num_projects is " + *n + " but PROJECTS has " + std::to_string(e.projects.rows.size()));
    if (auto n = e.meta_value("num_votes"); n && *n != std::to_string(e.votes.rows.size()))
        problems.push_back("num_votes is " + *n + " but VOTES has " + std::to_string(e.votes.rows.size()));
    const std::string vote_type = e.meta_value("vote_type").value_or("");
    if (e.meta_value("vote_type") &&
        std::find(std::begin(kVoteTypes), std::end(kVoteTypes), vote_type) == std::end(kVoteTypes))
        problems.push_back("vote_type \"" + vote_type + "\" is not approval, ordinal, cumulative, scoring or choose-1");
    const auto budget = meta_number(e, "budget");
    if (e.meta_value("budget") && (!budget || *budget <= 0)) problems.push_back("budget must be a number above 0");
    for (const char* key : {"date_begin", "date_end"})
        if (auto d = e.meta_value(key); d && !is_date(*d))
            problems.push_back(std::string(key) + " \"" + *d + "\" must be dd.mm.yyyy or yyyy");

    const int cost_at = e.projects.column("cost");
    const int selected_at = e.projects.column("selected");
    std::map<std::string, mpq_class> cost_of;
    for (const auto& row : e.projects.rows) {
        const auto cost = parse_pb_number(row[static_cast<std::size_t>(cost_at)]);
        if (!cost || *cost <= 0) problems.push_back("project " + row[0] + ": cost must be a number above 0");
        cost_of[row[0]] = cost.value_or(0);
        if (selected_at >= 0) {
            const auto& s = row[static_cast<std::size_t>(selected_at)];
            if (!s.empty() && s != "0" && s != "1")
                problems.push_back("project " + row[0] + ": selected must be 0 or 1");
        }
    }

    const auto min_length = meta_number(e, "min_length"), max_length = meta_number(e, "max_length");
    const auto min_points = meta_number(e, "min_points"), max_points = meta_number(e, "max_points");
    const auto min_sum = meta_number(e, "min_sum_points"), max_sum = meta_number(e, "max_sum_points");
    const auto max_sum_cost = meta_number(e, "max_sum_cost"), min_sum_cost = meta_number(e, "min_sum_cost");
    const int vote_at = e.votes.column("vote");
    const int points_at = e.votes.column("points");
    const bool wants_points = vote_type == "cumulative" || vote_type == "scoring";
    if (wants_points && points_at < 0) problems.push_back("VOTES needs a points column for " + vote_type + " votes");
    for (const auto& row : e.votes.rows) {
        const std::string who = "voter " + row[0] + ": ";
        const auto chosen = split_pb_list(row[static_cast<std::size_t>(vote_at)]);
        const std::set<std::string> unique(chosen.begin(), chosen.end());
        if (unique.size() != chosen.size()) problems.push_back(who + "a project is chosen twice");
        const mpq_class count(static_cast<long>(chosen.size()));
        if (min_length && count < *min_length) problems.push_back(who + "chose fewer than min_length projects");
        if (max_length && count > *max_length) problems.push_back(who + "chose more than max_length projects");
        mpq_class total_cost = 0;
        for (const auto& p : chosen) total_cost += cost_of[p];
        if (max_sum_cost && total_cost > *max_sum_cost)
            problems.push_back(who + "chose projects costing more than max_sum_cost");
        if (min_sum_cost && total_cost < *min_sum_cost)
            problems.push_back(who + "chose projects costing less than min_sum_cost");
        if (!wants_points || points_at < 0) continue;
        const auto points = split_pb_list(row[static_cast<std::size_t>(points_at)]);
        if (points.size() != chosen.size()) {
            problems.push_back(who + "has " + std::to_string(points.size()) + " points for " +
                               std::to_string(chosen.size()) + " projects");
            continue;
        }
        mpq_class sum = 0;
        for (const auto& p : points) {
            const auto value = parse_pb_number(p);
            if (!value) {
                problems.push_back(who + "points \"" + p + "\" is not a number");
                continue;
            }
            sum += *value;
            if (max_points && *value > *max_points) problems.push_back(who + "gives more than max_points to a project");
            if (min_points && *value < *min_points) problems.push_back(who + "gives less than min_points to a project");
        }
        if (max_sum && sum > *max_sum) problems.push_back(who + "gives more than max_sum_points in all");
        if (min_sum && sum < *min_sum) problems.push_back(who + "gives less than min_sum_points in all");
    }
    return problems;
}

}  // namespace sv
