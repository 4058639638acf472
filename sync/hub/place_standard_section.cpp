#include "place_standard_section.hpp"

#include <algorithm>
#include <array>
#include <vector>

#include "compass_svg.hpp"
#include "html_text.hpp"
#include "place_standard.hpp"
#include "small_group_note.hpp"
#include "theme_headline.hpp"

namespace sv {
namespace {

using ThemeList = std::array<Theme, kThemeCount>;

std::string spread(const ThemeSummary& theme) {
    return half_points(theme.lower_quartile) + " to " + half_points(theme.upper_quartile);
}

}  // namespace

const char* place_standard_scale_sentence(PlaceStandardVersion version) {
    switch (version) {
        case PlaceStandardVersion::children:
            return "Children's version (ages 6 to 12): each theme is answered with a face, 1 (not good), 2 (OK) or 3 "
                   "(good); the further out on the compass, the better.";
        case PlaceStandardVersion::young_people:
            return "Young people's version (12 and over): each theme is rated from 1 (a lot of room for improvement) "
                   "to 7 (very little); the further out on the compass, the better.";
        case PlaceStandardVersion::adults: break;
    }
    return "Each theme is rated from 1 (a lot of room for improvement) to 7 (very little); the further out on the "
           "compass, the better.";
}

namespace {

Html theme_table(const CompassGroup& group, const ThemeList& themes) {
    Html html;
    html << "<table class=\"themes\"><thead><tr><th scope=\"col\">Theme</th><th scope=\"col\" class=\"num\">Rated "
            "by</th><th scope=\"col\" class=\"num\">Median</th><th scope=\"col\" class=\"num\">Middle half "
            "rated</th></tr></thead><tbody>";
    for (std::size_t t = 0; t < group.themes.size(); ++t) {
        const ThemeSummary& theme = group.themes[t];
        html << "<tr><th scope=\"row\">" << themes[t].title << "</th><td class=\"num\">" << theme.rated
             << "</td><td class=\"num strong\">" << (theme.rated ? one_decimal(theme.median) : "–")
             << "</td><td class=\"num\">" << (theme.rated ? spread(theme) : "–") << "</td></tr>";
    }
    return html << "</tbody></table>";
}

// The medians of every group side by side, with the spread under each: the numbers behind
// the small compasses. Groups too small to show are left out.
Html group_table(const std::vector<CompassGroup>& groups, const ThemeList& themes) {
    std::vector<const CompassGroup*> shown;
    for (const auto& g : groups)
        if (g.shown()) shown.push_back(&g);
    if (shown.empty()) return {};
    Html html;
    html << "<table class=\"groups\"><thead><tr><th scope=\"col\">Median (middle half)</th>";
    for (const auto* g : shown) html << "<th scope=\"col\" class=\"num\">" << g->name << "</th>";
    html << "</tr></thead><tbody>";
    for (std::size_t t = 0; t < kThemeCount; ++t) {
        html << "<tr><th scope=\"row\">" << static_cast<int>(t + 1) << ". " << themes[t].title << "</th>";
        for (const auto* g : shown) {
            const ThemeSummary& theme = g->themes[t];
            html << "<td class=\"num\">";
            if (theme.rated)
                html << "<strong>" << one_decimal(theme.median) << "</strong> <span class=\"muted\">(" << spread(theme)
                     << ")</span>";
            else
                html << "–";
            html << "</td>";
        }
        html << "</tr>";
    }
    return html << "</tbody></table>";
}

Html small_compasses(const char* heading, const std::vector<CompassGroup>& groups, PlaceStandardVersion version) {
    const ThemeList& themes = place_standard_themes(version);
    Html html;
    html << "<h3>" << heading << "</h3><div class=\"cards\">";
    for (const auto& group : groups) {
        html << "<figure class=\"card\"><figcaption><strong>" << group.name << "</strong>";
        if (!group.detail.empty()) html << "<br><span class=\"muted\">" << group.detail << "</span>";
        html << "<br>" << count_of(group.responses, "response", "responses") << "</figcaption>";
        if (group.shown())
            html << compass_svg(group, version, 90, false) << "<p class=\"muted\">"
                 << theme_headline(group, themes, ThemeEnd::lowest) << "</p>";
        else
            html << hidden_group_note(group.responses);
        html << "</figure>";
    }
    return html << "</div>" << group_table(groups, themes);
}

}  // namespace

Html theme_comments(const PlaceStandardResults& ps, const std::string* ward, const CompassGroup& group) {
    constexpr std::size_t kShownPerTheme = 30;
    const ThemeList& themes = place_standard_themes(ps.version);
    Html html;
    if (!group.shown()) return html << hidden_group_note(group.responses);
    // On paper a closed list would print as its title alone, so a ward's report opens them.
    const Html details = ward ? Html("<details class=\"comments\" open>") : Html("<details class=\"comments\">");
    html << "<p class=\"muted\">Newest first. Every comment is in the CSV download.</p>";
    for (std::size_t t = 0; t < ps.comments.size(); ++t) {
        std::vector<const std::string*> comments;
        for (const auto& c : ps.comments[t])
            if (!ward || c.ward == *ward) comments.push_back(&c.text);
        html << details << "<summary>" << themes[t].title << " <span class=\"muted\">("
             << count_of(static_cast<int>(comments.size()), "comment", "comments") << ")</span></summary><ul>";
        for (std::size_t i = 0; i < comments.size() && i < kShownPerTheme; ++i)
            html << "<li>" << *comments[i] << "</li>";
        if (comments.size() > kShownPerTheme)
            html << "<li class=\"muted\">and " << comments.size() - kShownPerTheme << " more in the CSV</li>";
        html << "</ul></details>";
    }
    return html;
}

Html place_standard_summary(const PlaceStandardResults& ps, const CompassGroup& group) {
    const ThemeList& themes = place_standard_themes(ps.version);
    Html html;
    // What a councillor asks about first, and what is going well.
    html << "<p class=\"headline\">" << theme_headline(group, themes, ThemeEnd::lowest) << "</p>";
    html << "<p class=\"headline\">" << theme_headline(group, themes, ThemeEnd::highest) << "</p>";
    return html << "<div class=\"compass-row\"><figure class=\"big\">" << compass_svg(group, ps.version, 160, true)
                << "<figcaption>Dark line: the median rating of each theme. Blue band: where the middle half of the "
                   "ratings lie.</figcaption></figure>"
                << theme_table(group, themes) << "</div>";
}

Html place_standard_section(const PlaceStandardResults& ps) {
    Html html;
    html << "<section id=\"place-" << ps.activity_id << "\"><h2>" << ps.title << ": how people rated the area</h2>";
    html << "<p class=\"lead\">" << count_of(ps.everyone.responses, "response", "responses") << ". "
         << place_standard_scale_sentence(ps.version) << "</p>";
    if (!ps.everyone.shown()) return html << hidden_group_note(ps.everyone.responses) << "</section>";
    html << place_standard_summary(ps, ps.everyone);
    // One ward or one event would only repeat everyone's compass and table.
    if (ps.by_ward.size() > 1) html << small_compasses("By ward", ps.by_ward, ps.version);
    if (ps.by_event.size() > 1) html << small_compasses("By event", ps.by_event, ps.version);
    html << "<h3>What people said, by theme</h3>" << theme_comments(ps, nullptr, ps.everyone);
    return html << "</section>";
}

}  // namespace sv
