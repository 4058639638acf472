#include "compass_svg.hpp"

#include <cmath>
#include <cstdio>

#include "html_text.hpp"

namespace sv {
namespace {

constexpr double kPi = 3.14159265358979323846;

struct Point {
    double x, y;
};

std::string number(double value) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f", value);
    return text;
}

// Theme 0 at the top, the rest clockwise, as on the kiosk.
Point at(double cx, double cy, double radius, int theme) {
    const double angle = -kPi / 2 + 2 * kPi * theme / kThemeCount;
    return {cx + radius * std::cos(angle), cy + radius * std::sin(angle)};
}

std::string ring_path(double cx, double cy, double unit, const CompassGroup& group, double ThemeSummary::*value,
                      bool reversed) {
    std::string path;
    for (int i = 0; i < kThemeCount; ++i) {
        const int t = reversed ? kThemeCount - 1 - i : i;
        const ThemeSummary& theme = group.themes[static_cast<std::size_t>(t)];
        const Point p = at(cx, cy, unit * (theme.rated ? theme.*value : 0), t);
        path += (i == 0 ? "M" : "L") + number(p.x) + " " + number(p.y) + " ";
    }
    return path + "Z ";
}

}  // namespace

Html compass_svg(const CompassGroup& group, PlaceStandardVersion version, int radius, bool with_labels) {
    const int highest = highest_rating(version);
    const auto& themes = place_standard_themes(version);
    // Without names, each spoke carries its theme's number, as the table beside lists them.
    const double margin_x = with_labels ? 140 : 18, margin_y = with_labels ? 34 : 18;
    const double cx = margin_x + radius, cy = margin_y + radius;
    const double unit = static_cast<double>(radius) / highest;
    const int width = static_cast<int>(2 * cx), height = static_cast<int>(2 * cy);
    Html svg;
    svg << "<svg class=\"compass\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " << width << " " << height
        << "\" width=\"" << width << "\" height=\"" << height << "\" role=\"img\">";
    svg << "<title>Place Standard compass: " << group.name << ", " << group.responses
        << " responses. The further out, the better people rated the theme.</title>";
    for (int r = 1; r <= highest; ++r)
        svg << "<circle cx=\"" << number(cx) << "\" cy=\"" << number(cy) << "\" r=\"" << number(unit * r)
            << "\" fill=\"none\" stroke=\"" << (r == highest ? "#9aa5b1" : "#dde2e8") << "\" stroke-width=\"1\"/>";
    for (int t = 0; t < kThemeCount; ++t) {
        const Point end = at(cx, cy, radius, t);
        svg << "<line x1=\"" << number(cx) << "\" y1=\"" << number(cy) << "\" x2=\"" << number(end.x) << "\" y2=\""
            << number(end.y) << "\" stroke=\"#dde2e8\" stroke-width=\"1\"/>";
    }
    // The spread: between the upper quartile's outline and the lower one's.
    svg << "<path d=\"" << ring_path(cx, cy, unit, group, &ThemeSummary::upper_quartile, false)
        << ring_path(cx, cy, unit, group, &ThemeSummary::lower_quartile, true)
        << "\" fill=\"#9cc3e6\" fill-opacity=\"0.55\" fill-rule=\"evenodd\" stroke=\"none\"/>";
    svg << "<path d=\"" << ring_path(cx, cy, unit, group, &ThemeSummary::median, false)
        << "\" fill=\"#1d5fa3\" fill-opacity=\"0.12\" stroke=\"#1d5fa3\" stroke-width=\"" << (with_labels ? "3" : "2")
        << "\" stroke-linejoin=\"round\"/>";
    for (int t = 0; t < kThemeCount; ++t) {
        const ThemeSummary& theme = group.themes[static_cast<std::size_t>(t)];
        if (!theme.rated) continue;
        const Point p = at(cx, cy, unit * theme.median, t);
        svg << "<circle cx=\"" << number(p.x) << "\" cy=\"" << number(p.y) << "\" r=\"" << (with_labels ? "4.5" : "3")
            << "\" fill=\"#1d5fa3\"/>";
    }
    if (!with_labels)
        for (int t = 0; t < kThemeCount; ++t) {
            const Point p = at(cx, cy, radius + 9, t);
            svg << "<text x=\"" << number(p.x) << "\" y=\"" << number(p.y + 4)
                << "\" text-anchor=\"middle\" font-size=\"11\" fill=\"#52606d\">" << t + 1 << "</text>";
        }
    if (with_labels) {
        for (int r : {1, (1 + highest) / 2, highest})
            svg << "<text x=\"" << number(cx + 4) << "\" y=\"" << number(cy - unit * r + 14)
                << "\" font-size=\"12\" fill=\"#52606d\">" << r << "</text>";
        for (int t = 0; t < kThemeCount; ++t) {
            const Point p = at(cx, cy, radius + 12, t);
            const double dx = p.x - cx;
            const char* anchor = std::abs(dx) < 8 ? "middle" : dx > 0 ? "start" : "end";
            const double baseline = p.y < cy - radius * 0.9 ? p.y - 4 : p.y > cy + radius * 0.9 ? p.y + 14 : p.y + 5;
            const ThemeSummary& theme = group.themes[static_cast<std::size_t>(t)];
            svg << "<text x=\"" << number(p.x) << "\" y=\"" << number(baseline) << "\" text-anchor=\"" << anchor
                << "\" font-size=\"15\" fill=\"#1f2933\">" << themes[static_cast<std::size_t>(t)].short_title
                << " <tspan font-weight=\"bold\">" << (theme.rated ? one_decimal(theme.median) : "–")
                << "</tspan></text>";
        }
    }
    return svg << "</svg>";
}

}  // namespace sv
