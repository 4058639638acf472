#include "kiosk_answers.hpp"

#include <filesystem>

#include "data_directory.hpp"

namespace sv {

Result<Store> open_kiosk_answers(const std::string& data_dir) {
    const std::string answers = answers_file_in(data_dir);
    if (!std::filesystem::exists(answers)) return Error{"there is no answers file in " + data_dir};
    return Store::open(answers);
}

Result<Store> open_new_kiosk_answers(const std::string& data_dir) {
    if (auto made = ensure_directory(data_dir); !made) return made.error();
    return Store::open(answers_file_in(data_dir));
}

}  // namespace sv
