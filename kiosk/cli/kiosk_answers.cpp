#include "kiosk_answers.hpp"

#include <filesystem>

namespace sv {

Result<Store> open_kiosk_answers(const std::string& data_dir) {
    const std::string answers = answers_file_in(data_dir);
    if (!std::filesystem::exists(answers)) return Error{"there is no answers file in " + data_dir};
    return Store::open(answers);
}

}  // namespace sv
