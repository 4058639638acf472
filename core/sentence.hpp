#pragma once
// A sentence for a citizen, kept as its English pattern and the values that go in it
// ("You can choose up to {1}. ..."), so the screen can show it in the citizen's language.
#include <string>
#include <vector>

namespace sv {

// `pattern` with {1}, {2}... replaced by `values` in order.
std::string fill_in(std::string pattern, const std::vector<std::string>& values);

struct Sentence {
    std::string pattern;
    std::vector<std::string> values;

    Sentence() = default;
    Sentence(std::string words, std::vector<std::string> fill = {})
        : pattern(std::move(words)), values(std::move(fill)) {}
    Sentence(const char* words) : pattern(words) {}
    std::string text() const { return fill_in(pattern, values); }
    bool empty() const { return pattern.empty(); }
    void clear() { *this = {}; }
};

}  // namespace sv
