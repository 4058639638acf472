#pragma once
// One table per enum holds both directions of its spelling: the name a campaign file, the
// wire or a database uses for each value, and the value a name stands for, so the writer and
// the reader of a name can never drift apart.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace sv {

template <typename Enum>
struct Spelling {
    Enum value;
    const char* name;
};

// The name of `value`; the first entry's for a value the table lacks (a cast integer).
template <typename Enum, std::size_t N>
constexpr const char* name_of(const Spelling<Enum> (&table)[N], Enum value) {
    for (const auto& entry : table)
        if (entry.value == value) return entry.name;
    return table[0].name;
}

template <typename Enum, std::size_t N>
constexpr std::optional<Enum> value_named(const Spelling<Enum> (&table)[N], std::string_view name) {
    for (const auto& entry : table)
        if (name == entry.name) return entry.value;
    return std::nullopt;
}

// Every name, quoted, for an error sentence: "a", "b" or "c".
template <typename Enum, std::size_t N>
std::string names_listed(const Spelling<Enum> (&table)[N]) {
    std::string listed;
    for (std::size_t i = 0; i < N; ++i) {
        if (i > 0) listed += i + 1 == N ? " or " : ", ";
        listed += std::string("\"") + table[i].name + "\"";
    }
    return listed;
}

}  // namespace sv
