#include "dialog_card.hpp"

#include "kiosk_style.hpp"

namespace sv {

void draw_dialog_card(const ScreenArea& area, ImVec2 top_left, ImVec2 size) {
    area.draw->AddRectFilled(ImVec2(0, 0), ImVec2(area.width, area.height), palette().dim_behind);
    const ImVec2 bottom_right(top_left.x + size.x, top_left.y + size.y);
    area.draw->AddRectFilled(top_left, bottom_right, palette().surface, 20);
    area.draw->AddRect(top_left, bottom_right, palette().outline, 20, 0, 3);
}

}  // namespace sv
