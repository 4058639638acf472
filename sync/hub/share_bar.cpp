#include "share_bar.hpp"

#include <cmath>

namespace sv {
namespace {

constexpr int kBarWidth = 160;

}  // namespace

std::string percent(int part, int whole) {
    return std::to_string(whole > 0 ? static_cast<int>(std::lround(100.0 * part / whole)) : 0) + "%";
}

Html share_bar(int part, int whole) {
    const long filled = whole > 0 ? std::lround(static_cast<double>(kBarWidth) * part / whole) : 0;
    Html svg;
    svg << "<svg class=\"bar\" width=\"" << kBarWidth << "\" height=\"14\" viewBox=\"0 0 " << kBarWidth
        << " 14\" aria-hidden=\"true\"><rect width=\"" << kBarWidth
        << "\" height=\"14\" fill=\"#e4e7eb\"/><rect width=\"" << filled << "\" height=\"14\" fill=\"#1d5fa3\"/></svg>";
    return svg;
}

}  // namespace sv
