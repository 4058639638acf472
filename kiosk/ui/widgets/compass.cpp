#include "compass.hpp"

#include <algorithm>
#include <cmath>
#include <string>

#include "text_layout.hpp"
#include "translated_text.hpp"

namespace sv {
namespace {

constexpr float kPi = 3.14159265358979f;

ImVec2 axis_point(ImVec2 centre, float radius, int axis, float fraction) {
    const float angle = -kPi / 2 + 2 * kPi * static_cast<float>(axis) / kThemeCount;
    return ImVec2(centre.x + std::cos(angle) * radius * fraction, centre.y + std::sin(angle) * radius * fraction);
}

}  // namespace

std::vector<int> filled_compass_wedges(const PlaceStandardAnswers& answers) {
    std::vector<int> wedges;
    for (int i = 0; i < kThemeCount; ++i)
        if (answers.ratings[static_cast<std::size_t>(i)] &&
            answers.ratings[static_cast<std::size_t>((i + 1) % kThemeCount)])
            wedges.push_back(i);
    return wedges;
}

std::vector<std::pair<int, int>> compass_jumps(const PlaceStandardAnswers& answers) {
    std::vector<int> rated;
    for (int i = 0; i < kThemeCount; ++i)
        if (answers.ratings[static_cast<std::size_t>(i)]) rated.push_back(i);
    std::vector<std::pair<int, int>> jumps;
    if (rated.size() < 2) return jumps;
    for (std::size_t k = 0; k < rated.size(); ++k) {
        const int from = rated[k], to = rated[(k + 1) % rated.size()];
        const int skipped = (to - from + kThemeCount) % kThemeCount - 1;
        if (skipped > 0) jumps.push_back({from, to});
    }
    return jumps;
}

float compass_label_room(const KioskFonts& fonts) {
    // Room for the widest rated label in the frame's language ("Streets, spaces 4" or its Welsh);
    // a label may reach into the screen's margin, which is at least 40.
    float widest = 0;
    for (const auto version :
         {PlaceStandardVersion::adults, PlaceStandardVersion::young_people, PlaceStandardVersion::children})
        for (const auto& theme : place_standard_themes(version))
            widest = std::max(widest, text_width(fonts.compass, tr(theme.short_title) + " 7"));
    return std::max(fonts.compass->FontSize * 6.2f, widest + 14 - 40);
}

void draw_compass(ImDrawList* draw, const KioskFonts& fonts, ImVec2 centre, float radius,
                  const PlaceStandardAnswers& answers) {
    // Rings for each point of the scale (1..7, or 1..3 for children) and the axes.
    const int highest = highest_rating(answers.version);
    for (int ring = kLowestRating; ring <= highest; ++ring) {
        ImVec2 points[kThemeCount];
        for (int i = 0; i < kThemeCount; ++i)
            points[i] = axis_point(centre, radius, i, static_cast<float>(ring) / static_cast<float>(highest));
        draw->AddPolyline(points, kThemeCount, palette().compass_grid, ImDrawFlags_Closed,
                          ring == highest ? 3.0f : 1.5f);
    }
    for (int i = 0; i < kThemeCount; ++i)
        draw->AddLine(centre, axis_point(centre, radius, i, 1), palette().compass_grid, 1.5f);

    // The citizen's shape: filled between neighbouring rated themes; the outline jumps over a
    // skipped theme, dashed, and leaves its slice empty.
    auto point_of = [&](int i) {
        return axis_point(centre, radius, i, static_cast<float>(*answers.ratings[i]) / static_cast<float>(highest));
    };
    for (int i : filled_compass_wedges(answers)) {
        const int next = (i + 1) % kThemeCount;
        draw->AddTriangleFilled(centre, point_of(i), point_of(next), palette().compass_fill);
        draw->AddLine(point_of(i), point_of(next), palette().primary, 4);
    }
    for (const auto& [from, to] : compass_jumps(answers)) {
        const ImVec2 a = point_of(from), b = point_of(to);
        constexpr int kDashes = 7;
        for (int d = 0; d < kDashes; ++d) {
            const float t0 = static_cast<float>(2 * d) / (2 * kDashes - 1);
            const float t1 = static_cast<float>(2 * d + 1) / (2 * kDashes - 1);
            draw->AddLine(ImVec2(a.x + (b.x - a.x) * t0, a.y + (b.y - a.y) * t0),
                          ImVec2(a.x + (b.x - a.x) * t1, a.y + (b.y - a.y) * t1), palette().primary, 3);
        }
    }
    for (int i = 0; i < kThemeCount; ++i) {
        if (answers.ratings[i]) draw->AddCircleFilled(point_of(i), 8, palette().primary);
    }

    // Labels outside the rim, pushed away from the centre according to their side.
    ImFont* font = fonts.compass;
    for (int i = 0; i < kThemeCount; ++i) {
        const auto& theme = place_standard_themes(answers.version)[static_cast<std::size_t>(i)];
        const std::string label = answers.ratings[i] ? tr(theme.short_title) + " " + std::to_string(*answers.ratings[i])
                                                     : fill(tr("{1} (skipped)"), {tr(theme.short_title)});
        const ImVec2 anchor = axis_point(centre, radius + 14, i, 1);
        const ImVec2 size(text_width(font, label), one_line_height(font));
        const float dx = anchor.x - centre.x, dy = anchor.y - centre.y;
        float x = anchor.x - size.x / 2;
        if (dx > radius * 0.2f) x = anchor.x;
        if (dx < -radius * 0.2f) x = anchor.x - size.x;
        float y = anchor.y - size.y / 2;
        if (dy < -radius * 0.8f) y = anchor.y - size.y;
        if (dy > radius * 0.8f) y = anchor.y;
        // The labels straight up and straight down are centred; a long one would touch its
        // neighbours' labels, so it moves a line further out.
        const float neighbour_dx = (radius + 14) * std::sin(2 * 3.14159265f / kThemeCount);
        if (std::fabs(dx) < radius * 0.2f && size.x / 2 > neighbour_dx - 8) y += dy < 0 ? -size.y : size.y;
        draw_text_line(draw, font, ImVec2(x, y), answers.ratings[i] ? palette().text : palette().muted_text, label);
    }
}

void draw_compass_emblem(ImDrawList* draw, ImVec2 centre, float radius, ImU32 colour) {
    constexpr float kShape[kThemeCount] = {0.8f,  0.55f, 0.7f, 0.9f, 0.6f, 0.75f, 0.5f,
                                           0.85f, 0.65f, 0.9f, 0.6f, 0.7f, 0.45f, 0.8f};
    ImVec2 shape[kThemeCount], rim[kThemeCount];
    for (int i = 0; i < kThemeCount; ++i) {
        shape[i] = axis_point(centre, radius, i, kShape[i]);
        rim[i] = axis_point(centre, radius, i, 1);
        draw->AddLine(centre, rim[i], colour, 2);
    }
    const ImU32 faint = (colour & ~IM_COL32_A_MASK) | (0x60u << IM_COL32_A_SHIFT);
    for (int i = 0; i < kThemeCount; ++i)
        draw->AddTriangleFilled(centre, shape[i], shape[(i + 1) % kThemeCount], faint);
    draw->AddPolyline(shape, kThemeCount, colour, ImDrawFlags_Closed, 3);
    draw->AddPolyline(rim, kThemeCount, colour, ImDrawFlags_Closed, 3);
}

}  // namespace sv
