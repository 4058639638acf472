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
        tap(call,
            button(grid.id_prefix + std::to_string(i), grid.labels[i], at, ImVec2(width, grid.button_height))
                .selected_if(static_cast<int>(i) == grid.selected)
                .in(call.view.fonts.body),
            {grid.kind, static_cast<int>(i)});
        bottom = at.y + grid.button_height;
    }
    return bottom;
}

}  // namespace sv
