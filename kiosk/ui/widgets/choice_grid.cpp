#include "choice_grid.hpp"

#include <algorithm>

#include "touch_button.hpp"

namespace sv {

float draw_choice_grid(const ScreenCall& call, const ChoiceGrid& grid, float top) {
    const ScreenArea& a = call.area;
    const float gap = 16;
    const int columns = std::max(1, grid.columns);
    const float width = (a.inner_width() - gap * static_cast<float>(columns - 1)) / static_cast<float>(columns);
    float bottom = top;
    for (std::size_t i = 0; i < grid.labels.size(); ++i) {
        const int row = static_cast<int>(i) / columns, column = static_cast<int>(i) % columns;
        const ImVec2 at(a.margin + static_cast<float>(column) * (width + gap),
                        top + static_cast<float>(row) * (grid.button_height + gap));
        ButtonSpec button{grid.id_prefix + std::to_string(i),
                          grid.labels[i],
                          at,
                          ImVec2(width, grid.button_height),
                          static_cast<int>(i) == grid.selected ? ButtonLook::selected : ButtonLook::secondary,
                          true,
                          call.view.fonts.body};
        if (touch_button(button, call.targets)) call.intents.push_back({grid.kind, static_cast<int>(i), {}});
        bottom = at.y + grid.button_height;
    }
    return bottom;
}

}  // namespace sv
