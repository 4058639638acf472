#include "layout_check.hpp"

#include <algorithm>
#include <sstream>

namespace sv {
namespace {

// Anti-aliased edges and rounding may touch by a pixel; that is not an overlap anyone sees.
constexpr float kSlack = 1.5f;

struct Box {
    float left, top, right, bottom;
};

Box box_of(const TouchTarget& t) {
    return {t.x, t.y, t.x + t.width, t.y + t.height};
}
Box box_of(const PlacedText& t) {
    return {t.min.x, t.min.y, t.max.x, t.max.y};
}

bool overlap(const Box& a, const Box& b) {
    const float across = std::min(a.right, b.right) - std::max(a.left, b.left);
    const float down = std::min(a.bottom, b.bottom) - std::max(a.top, b.top);
    return across > kSlack && down > kSlack;
}

bool inside(const Box& inner, const Box& outer) {
    return inner.left >= outer.left - kSlack && inner.top >= outer.top - kSlack &&
           inner.right <= outer.right + kSlack && inner.bottom <= outer.bottom + kSlack;
}

std::string quoted(const std::string& text) {
    return "\"" + (text.size() > 40 ? text.substr(0, 37) + "..." : text) + "\"";
}

std::string where(const Box& b) {
    std::ostringstream out;
    out << "(" << b.left << "," << b.top << ")-(" << b.right << "," << b.bottom << ")";
    return out.str();
}

void check_targets(const TouchTargets& targets, const Box& screen, std::vector<std::string>& problems) {
    const auto& items = targets.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const TouchTarget& t = items[i];
        if (t.width < kSmallestTouchTarget || t.height < kSmallestTouchTarget)
            problems.push_back("button " + t.id + " is smaller than " + std::to_string(int(kSmallestTouchTarget)) +
                               " px: " + where(box_of(t)));
        if (!inside(box_of(t), screen))
            problems.push_back("button " + t.id + " is off the screen: " + where(box_of(t)));
        for (std::size_t j = i + 1; j < items.size(); ++j)
            if (overlap(box_of(t), box_of(items[j])))
                problems.push_back("buttons " + t.id + " and " + items[j].id + " overlap");
    }
}

void check_texts(const TouchTargets& targets, const PlacedTexts& texts, const Box& screen,
                 std::vector<std::string>& problems) {
    const auto& items = texts.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const PlacedText& t = items[i];
        const Box b = box_of(t);
        if (!inside(b, screen)) problems.push_back("text " + quoted(t.text) + " is off the screen: " + where(b));
        if (t.word_cut) problems.push_back("text " + quoted(t.text) + " has a word cut in two to fit its column");
        // A button's label may take two lines: it is read at a glance, and fonts step down to fit.
        if (t.lines > (t.boxed ? 2 : 1) && t.column < kNarrowestColumnEms * t.font_size)
            problems.push_back("text " + quoted(t.text) + " is squeezed into a column " +
                               std::to_string(static_cast<int>(t.column)) + " px wide, too narrow for a few words");
        if (t.boxed && !inside(b, {t.box_min.x, t.box_min.y, t.box_max.x, t.box_max.y}))
            problems.push_back("text " + quoted(t.text) + " spills out of its button: " + where(b));
        for (std::size_t j = i + 1; j < items.size(); ++j)
            if (overlap(b, box_of(items[j])))
                problems.push_back("text " + quoted(t.text) + " overlaps " + quoted(items[j].text));
        // Text belongs to a button when it lies wholly inside it; crossing its edge is an overlap.
        for (const TouchTarget& target : targets.items)
            if (overlap(b, box_of(target)) && !inside(b, box_of(target)))
                problems.push_back("text " + quoted(t.text) + " runs into button " + target.id);
    }
}

}  // namespace

std::vector<std::string> layout_problems(const TouchTargets& targets, const PlacedTexts& texts, float screen_width,
                                         float screen_height) {
    std::vector<std::string> problems;
    const Box screen{0, 0, screen_width, screen_height};
    check_targets(targets, screen, problems);
    check_texts(targets, texts, screen, problems);
    return problems;
}

}  // namespace sv
