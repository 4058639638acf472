#pragma once
// The dashboard's HTML, escaped unless it is markup we wrote. A string literal, or Html built
// from literals, goes in as markup; any std::string (or a char pointer) goes in as text, so a
// campaign's title, a citizen's comment or an organiser's name shows as written, never as
// tags. Mind a choice between literals, `on ? "<b>x</b>" : "y"`: it is a pointer, so text;
// write `on ? Html("<b>x</b>") : Html("y")`.
#include <cstddef>
#include <string>
#include <type_traits>

namespace sv {

class Html {
public:
    Html() = default;
    template <std::size_t N>
    Html(const char (&markup)[N]) : markup_(markup, N - 1) {}  // a literal: markup (implicit on purpose)

    template <std::size_t N>
    Html& operator<<(const char (&markup)[N]) {
        markup_.append(markup, N - 1);
        return *this;
    }
    Html& operator<<(const Html& more) {
        markup_ += more.markup_;
        return *this;
    }
    // Text, escaped (a char pointer comes here too).
    Html& operator<<(const std::string& text);
    template <class Whole,
              std::enable_if_t<
                  std::is_integral_v<Whole> && !std::is_same_v<Whole, char> && !std::is_same_v<Whole, bool>, int> = 0>
    Html& operator<<(Whole number) {
        markup_ += std::to_string(number);
        return *this;
    }

    const std::string& str() const { return markup_; }
    bool empty() const { return markup_.empty(); }

private:
    std::string markup_;
};

}  // namespace sv
