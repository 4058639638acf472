#include "theme_headline.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "html_text.hpp"

namespace sv {
namespace {

std::string count_word(std::size_t n) {
    static const char* const kWords[] = {"No",    "One",  "Two", "Three",  "Four",   "Five",     "Six",     "Seven",
                                         "Eight", "Nine", "Ten", "Eleven", "Twelve", "Thirteen", "Fourteen"};
    return n < std::size(kWords) ? kWords[n] : std::to_string(n);
}

// "A", "A and B", "A, B and C".
std::string listed(const std::vector<std::string>& names) {
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i)
        text += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
    return text;
}

}  // namespace

std::string theme_headline(const CompassGroup& group, const std::array<Theme, kThemeCount>& themes, ThemeEnd end) {
    // Themes by median, lowest first; the medians are halves at most, so they compare exactly.
    std::map<double, std::vector<std::string>> by_median;
    for (std::size_t t = 0; t < group.themes.size(); ++t)
        if (group.themes[t].rated > 0) by_median[group.themes[t].median].push_back(themes[t].title);
    std::vector<std::pair<double, std::vector<std::string>>> from_end(by_median.begin(), by_median.end());
    if (end == ThemeEnd::highest) std::reverse(from_end.begin(), from_end.end());

    const char* end_word = end == ThemeEnd::lowest ? "lowest" : "highest";
    std::string sentence;
    std::size_t named = 0;
    for (const auto& [median, names] : from_end) {
        if (named >= 3) break;
        if (named > 0)
            sentence += "; then " + listed(names) + " (" + one_decimal(median) + ")";
        else if (names.size() > 1)
            sentence = count_word(names.size()) + " themes share the " + end_word + " median, " + one_decimal(median) +
                       ": " + listed(names);
        else
            sentence = std::string("Rated ") + end_word + ": " + names.front() + " (" + one_decimal(median) + ")";
        named += names.size();
    }
    if (!sentence.empty()) sentence += ".";
    return sentence;
}

}  // namespace sv
