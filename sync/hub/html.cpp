#include "html.hpp"

#include "html_text.hpp"

namespace sv {

Html& Html::operator<<(const std::string& text) {
    markup_ += html_escaped(text);
    return *this;
}

}  // namespace sv
