#include "pabulib_reader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>

#include "pb_number.hpp"

namespace sv {
namespace {

struct Record {
    std::size_t line = 0;
    std::vector<std::string> cells;
    bool spaces_trimmed = false;
};

// Splits the text into `;`-separated records with CSV quoting ("" inside quotes is a quote;
// quoted cells may hold `;` and line breaks). Empty lines are skipped and reported.
Result<std::vector<Record>> split_records(const std::string& text, const std::string& source,
                                          std::vector<std::string>& tolerated) {
    std::vector<Record> records;
    std::size_t line = 1;
    std::size_t i = 0;
    auto line_break_at = [&](std::size_t at) {
        if (text[at] == '\n') return std::size_t{1};
        if (text[at] == '\r' && at + 1 < text.size() && text[at + 1] == '\n') return std::size_t{2};
        return std::size_t{0};
    };
    while (i < text.size()) {
        if (const std::size_t width = line_break_at(i)) {
            tolerated.push_back("line " + std::to_string(line) + ": empty line");
            i += width;
            ++line;
            continue;
        }
        Record record;
        record.line = line;
        std::string cell;
        bool quoted = false, was_quoted = false;
        auto finish_cell = [&] {
            std::string value = cell;
            if (!was_quoted) {
                const auto first = value.find_first_not_of(" \t");
                const auto last = value.find_last_not_of(" \t");
                value = first == std::string::npos ? std::string() : value.substr(first, last - first + 1);
                if (value.size() != cell.size()) record.spaces_trimmed = true;
            }
            record.cells.push_back(std::move(value));
            cell.clear();
            was_quoted = false;
        };
        for (;;) {
            if (i >= text.size()) {
                if (quoted)
                    return Error{source + ": line " + std::to_string(record.line) + ": a quoted cell is never closed"};
                finish_cell();
                break;
            }
            const char c = text[i];
            if (quoted) {
                if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                    cell += '"';
                    i += 2;
                } else if (c == '"') {
                    quoted = false;
                    ++i;
                } else {
                    if (c == '\n') ++line;
                    cell += c;
                    ++i;
                }
                continue;
            }
            if (c == '"' && cell.find_first_not_of(" \t") == std::string::npos) {
                cell.clear();
                quoted = was_quoted = true;
                ++i;
                continue;
            }
            if (c == ';') {
                finish_cell();
                ++i;
                continue;
            }
            if (const std::size_t width = line_break_at(i)) {
                finish_cell();
                i += width;
                ++line;
                break;
            }
            cell += c;
            ++i;
        }
        if (record.spaces_trimmed)
            tolerated.push_back("line " + std::to_string(record.line) + ": spaces around a cell");
        records.push_back(std::move(record));
    }
    return records;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

bool is_section_title(const Record& r, const char* title) {
    return r.cells.size() == 1 && lower(r.cells[0]) == title;
}

std::string at_line(const std::string& source, std::size_t line) {
    return source + ": line " + std::to_string(line) + ": ";
}

// Accepts a comma decimal ("1234,50") in a money cell, noting it.
Result<std::string> money_cell(const std::string& cell, const std::string& what, const std::string& where,
                               std::size_t line, std::vector<std::string>& tolerated) {
    std::string value = cell;
    if (value.find(',') != std::string::npos && value.find('.') == std::string::npos) {
        std::replace(value.begin(), value.end(), ',', '.');
        tolerated.push_back("line " + std::to_string(line) + ": comma decimal in " + what);
    }
    if (!parse_pb_number(value)) return Error{where + what + " \"" + cell + "\" is not a number"};
    return value;
}

}  // namespace

Result<PbReading> read_pabulib(const std::string& raw_text, const std::string& source) {
    PbReading reading;
    std::string text = raw_text;
    if (text.compare(0, 3, "\xEF\xBB\xBF") == 0) {
        text.erase(0, 3);
        reading.tolerated.push_back("line 1: byte-order mark");
    }
    auto split = split_records(text, source, reading.tolerated);
    if (!split) return split.error();
    const auto& records = split.value();
    if (records.empty()) return Error{source + ": the file is empty"};

    enum class Section { none, meta, projects, votes };
    Section section = Section::none;
    bool expect_header = false;
    PbTable* table = nullptr;
    PbElection& election = reading.election;
    std::set<std::string> project_ids, voter_ids;
    bool seen_projects = false, seen_votes = false;

    for (const Record& r : records) {
        const std::string where = at_line(source, r.line);
        if (is_section_title(r, "meta") || is_section_title(r, "projects") || is_section_title(r, "votes")) {
            const std::string title = lower(r.cells[0]);
            if (expect_header) return Error{where + "a section title where a header line was expected"};
            if (title == "meta") {
                if (section != Section::none) return Error{where + "META must come first, and only once"};
                section = Section::meta;
            } else if (title == "projects") {
                if (section != Section::meta) return Error{where + "PROJECTS must follow META"};
                section = Section::projects;
                table = &election.projects;
                seen_projects = true;
            } else {
                if (section != Section::projects) return Error{where + "VOTES must follow PROJECTS"};
                section = Section::votes;
                table = &election.votes;
                seen_votes = true;
            }
            expect_header = true;
            continue;
        }
        if (section == Section::none) return Error{where + "the file must start with META"};
        if (expect_header) {
            expect_header = false;
            if (section == Section::meta) {
                if (r.cells.size() != 2 || lower(r.cells[0]) != "key" || lower(r.cells[1]) != "value")
                    return Error{where + "the META header must be \"key;value\""};
                continue;
            }
            const char* first = section == Section::projects ? "project_id" : "voter_id";
            if (r.cells.empty() || r.cells[0] != first)
                return Error{where + "the " + (section == Section::projects ? "PROJECTS" : "VOTES") +
                             " header must start with " + first};
            std::set<std::string> unique(r.cells.begin(), r.cells.end());
            if (unique.size() != r.cells.size()) return Error{where + "a column name appears twice"};
            table->columns = r.cells;
            if (section == Section::projects && table->column("cost") < 0)
                return Error{where + "PROJECTS has no cost column"};
            if (section == Section::votes && table->column("vote") < 0)
                return Error{where + "VOTES has no vote column"};
            continue;
        }

        if (section == Section::meta) {
            if (r.cells.size() != 2) return Error{where + "a META line must be key;value"};
            std::string value = r.cells[1];
            if (r.cells[0] == "budget") {
                auto money = money_cell(value, "budget", where, r.line, reading.tolerated);
                if (!money) return money.error();
                value = money.value();
            }
            if (election.meta_value(r.cells[0])) return Error{where + "META key \"" + r.cells[0] + "\" appears twice"};
            election.meta.emplace_back(r.cells[0], value);
            continue;
        }

        std::vector<std::string> row = r.cells;
        if (row.size() != table->columns.size())
            return Error{where + "expected " + std::to_string(table->columns.size()) + " cells, found " +
                         std::to_string(row.size())};
        for (auto& cell : row) {
            if (cell == "None") {
                cell.clear();
                reading.tolerated.push_back("line " + std::to_string(r.line) + ": None for an absent value");
            }
        }
        if (section == Section::projects) {
            if (row[0].empty()) return Error{where + "a project has no project_id"};
            if (!project_ids.insert(row[0]).second) return Error{where + "project " + row[0] + " appears twice"};
            const auto cost_at = static_cast<std::size_t>(table->column("cost"));
            auto money = money_cell(row[cost_at], "cost of project " + row[0], where, r.line, reading.tolerated);
            if (!money) return money.error();
            row[cost_at] = money.value();
        } else {
            if (row[0].empty()) return Error{where + "a vote has no voter_id"};
            if (!voter_ids.insert(row[0]).second) return Error{where + "voter " + row[0] + " appears twice"};
            const auto vote_at = static_cast<std::size_t>(table->column("vote"));
            for (const auto& project : split_pb_list(row[vote_at]))
                if (!project_ids.count(project))
                    return Error{where + "voter " + row[0] + " votes for project \"" + project +
                                 "\", which is not in PROJECTS"};
        }
        table->rows.push_back(std::move(row));
    }
    if (expect_header) return Error{source + ": the file ends where a header line was expected"};
    if (!seen_projects) return Error{source + ": the file has no PROJECTS section"};
    if (!seen_votes) return Error{source + ": the file has no VOTES section"};
    return reading;
}

Result<PbReading> read_pabulib_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return Error{path + ": the file cannot be opened (is the path right?)"};
    std::ostringstream content;
    content << in.rdbuf();
    return read_pabulib(content.str(), path);
}

}  // namespace sv
