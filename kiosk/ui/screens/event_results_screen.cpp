#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string>

#include "compass.hpp"
#include "kiosk_style.hpp"
#include "screen_layout.hpp"
#include "text_layout.hpp"
#include "touch_button.hpp"

namespace sv {
namespace {

constexpr float kButtonHeight = 80;

std::string hidden_words(int responses, const char* what) {
    return std::to_string(responses) + " " + what + " so far. Results show from " +
           std::to_string(kSmallestGroupShown) + ", so that no one's answers can be picked out.";
}

// The compass can only draw whole ratings; the medians beside it are exact.
PlaceStandardAnswers rounded_medians(const CompassGroup& group, PlaceStandardVersion version) {
    PlaceStandardAnswers answers;
    answers.version = version;
    const auto highest = static_cast<double>(highest_rating(version));
    for (std::size_t t = 0; t < group.themes.size(); ++t)
        if (group.themes[t].rated > 0)
            answers.ratings[t] = static_cast<int>(std::lround(std::clamp(group.themes[t].median, 1.0, highest)));
    return answers;
}

// "4", "4.5": one decimal, none when it is 0.
std::string median_text(double median) {
    char text[16];
    std::snprintf(text, sizeof text, "%.1f", median);
    std::string shown = text;
    if (shown.size() > 2 && shown.compare(shown.size() - 2, 2, ".0") == 0) shown.resize(shown.size() - 2);
    return shown;
}

// Upright, the medians and the compass under them; on its side there is room for only one,
// and the compass's labels carry each median (rounded), so the compass.
float draw_place_standard(const ScreenCall& call, const EventResults& results, float x, float y, float width,
                          float bottom, bool with_medians) {
    const auto& fonts = call.view.fonts;
    ImDrawList* draw = call.area.draw;
    const CompassGroup& group = results.place_standard;
    y += draw_wrapped_text(draw, fonts.body, results.place_standard_title, ImVec2(x, y), width, palette().primary) + 6;
    if (!group.shown()) {
        return y + draw_wrapped_text(draw, fonts.small, hidden_words(group.responses, "people have rated the area"),
                                     ImVec2(x, y), width, palette().text);
    }
    y += draw_wrapped_text(draw, fonts.small,
                           std::to_string(group.responses) + " people rated the area. Each theme's middle rating " +
                               (with_medians ? "(median)" : "(median, to the nearest whole number)") +
                               (results.place_standard_version == PlaceStandardVersion::children
                                    ? ", 1 to 3 (not good, OK, good): the lower, the more to improve."
                                    : ", 1 to 7: the lower, the more to improve."),
                           ImVec2(x, y), width, palette().muted_text) +
         10;
    if (!with_medians) {
        const float label_room = compass_label_room(fonts);
        const float radius = std::min(width / 2 - label_room, (bottom - y) / 2 - label_room / 2);
        draw_compass(draw, fonts, ImVec2(x + width / 2, y + label_room / 2 + radius), radius,
                     rounded_medians(group, results.place_standard_version));
        return y + 2 * radius + label_room;
    }
    // The medians in two columns of seven, then the compass in what is left.
    const float column_gap = 24;
    const float column_width = (width - column_gap) / 2;
    const float row = one_line_height(fonts.small) + 4;
    const auto& themes = place_standard_themes(results.place_standard_version);
    for (std::size_t t = 0; t < themes.size(); ++t) {
        const float cx = x + static_cast<float>(t / 7) * (column_width + column_gap);
        const float cy = y + static_cast<float>(t % 7) * row;
        const ThemeSummary& theme = group.themes[t];
        const std::string value = theme.rated > 0 ? median_text(theme.median) : "–";
        const float value_width = text_width(fonts.small, value);
        draw_text_line(draw, fonts.small, ImVec2(cx, cy), palette().text, themes[t].short_title);
        draw_text_line(draw, fonts.small, ImVec2(cx + column_width - value_width, cy), palette().text, value);
    }
    y += 7 * row + 16;
    const float label_room = compass_label_room(fonts);
    const float radius = std::min(width / 2 - label_room, (bottom - y) / 2 - label_room / 2);
    if (radius < 60) return y;  // too little room: the medians above say it all
    draw_compass(draw, fonts, ImVec2(x + width / 2, y + label_room / 2 + radius), radius,
                 rounded_medians(group, results.place_standard_version));
    return y + 2 * radius + label_room;
}

std::string voted_words(const EventBudgetCounts& budget) {
    return std::to_string(budget.ballots) + (budget.ballots == 1 ? " person voted. " : " people voted. ") +
           budget.counted_as + ":";
}

// As draw_budget below lays it out.
float budget_height(const ScreenCall& call, const EventBudgetCounts& budget, float width) {
    const auto& fonts = call.view.fonts;
    float h = wrapped_text_height(fonts.body, budget.title, width) + 6;
    if (!budget.shown())
        return h + wrapped_text_height(fonts.small, hidden_words(budget.ballots, "people have voted"), width) + 16;
    h += wrapped_text_height(fonts.small, voted_words(budget), width) + 8;
    const float name_width = width - text_width(fonts.small, "00000") - 16;
    for (const auto& project : budget.projects) h += wrapped_text_height(fonts.small, project.name, name_width) + 8;
    return h + 16;
}

float draw_budget(const ScreenCall& call, const EventBudgetCounts& budget, float x, float y, float width) {
    const auto& fonts = call.view.fonts;
    ImDrawList* draw = call.area.draw;
    y += draw_wrapped_text(draw, fonts.body, budget.title, ImVec2(x, y), width, palette().primary) + 6;
    if (!budget.shown())
        return y +
               draw_wrapped_text(draw, fonts.small, hidden_words(budget.ballots, "people have voted"), ImVec2(x, y),
                                 width, palette().text) +
               16;
    y += draw_wrapped_text(draw, fonts.small, voted_words(budget), ImVec2(x, y), width, palette().muted_text) + 8;
    const float number_width = text_width(fonts.small, "00000");
    for (const auto& project : budget.projects) {
        const float name_width = width - number_width - 16;
        const float h = draw_wrapped_text(draw, fonts.small, project.name, ImVec2(x, y), name_width, palette().text);
        const float votes_width = text_width(fonts.small, project.votes);
        draw_text_line(draw, fonts.small, ImVec2(x + width - votes_width, y), palette().text, project.votes);
        const float line_y = std::floor(y + h + 2);
        draw->AddRectFilled(ImVec2(x, line_y), ImVec2(x + width, line_y + 1), palette().outline);
        y += h + 8;
    }
    return y + 16;
}

}  // namespace

// For staff only: what this event's answers say so far, for the chat with the councillor.
void draw_event_results_screen(const ScreenCall& call) {
    const auto& fonts = call.view.fonts;
    const ScreenArea& a = call.area;
    const StallState& stall = call.state.stall;
    const EventResults& results = stall.event_results;

    float y = draw_staff_page_top(call, "Results for this event", "staff-results-back");
    const StallEvent& event = stall.figures.event;
    std::string where = event.place.empty() ? "No event set up: every answer since the kiosk started" : event.place;
    if (!event.ward.empty()) where += ", " + event.ward;
    y += draw_wrapped_text(a.draw, fonts.small, where + ". Only staff see this screen.", ImVec2(a.margin, y),
                           a.inner_width(), palette().muted_text) +
         20;

    const float bottom = a.height - a.margin / 2;
    const bool has_place = !results.place_standard_title.empty();
    if (a.portrait || results.budgets.empty() || !has_place) {
        if (has_place) {
            float budgets_room = 0;
            for (const auto& b : results.budgets) budgets_room += budget_height(call, b, a.inner_width());
            // The medians table as well as the compass only when the budget leaves room for both.
            const bool with_medians = bottom - budgets_room - y > 700;
            y = draw_place_standard(call, results, a.margin, y, a.inner_width(), bottom - budgets_room, with_medians) +
                20;
        }
        for (const auto& b : results.budgets) y = draw_budget(call, b, a.margin, y, a.inner_width());
        return;
    }
    const float gap = 48;
    const float left_width = (a.inner_width() - gap) * 0.5f;
    draw_place_standard(call, results, a.margin, y, left_width, bottom, false);
    float right_y = y;
    for (const auto& b : results.budgets)
        right_y = draw_budget(call, b, a.margin + left_width + gap, right_y, a.inner_width() - left_width - gap);
}

}  // namespace sv
