#include "quick_poll.hpp"

#include <nlohmann/json.hpp>

#include "place_standard.hpp"

namespace sv {

std::string quick_poll_payload(int choice) {
    return nlohmann::json{{"choice", choice}}.dump();
}

Result<int> parse_quick_poll_payload(const QuickPoll& poll, const std::string& payload) {
    const auto doc = nlohmann::json::parse(payload, nullptr, false);
    if (!doc.is_object()) return Error{"The answer is not valid JSON."};
    const auto choice = doc.find("choice");
    if (choice == doc.end() || !choice->is_number_integer() || choice->get<long long>() < 0 ||
        choice->get<long long>() >= static_cast<long long>(poll.answers.size()))
        return Error{"The answer is not one of the poll's answers."};
    return choice->get<int>();
}

std::string scale_pair_payload(int today, int wanted) {
    return nlohmann::json{{"today", today}, {"wanted", wanted}}.dump();
}

Result<std::pair<int, int>> parse_scale_pair_payload(const std::string& payload) {
    const auto doc = nlohmann::json::parse(payload, nullptr, false);
    if (!doc.is_object()) return Error{"The answer is not valid JSON."};
    auto scale = [&](const char* key) -> int {
        const auto value = doc.find(key);
        if (value == doc.end() || !value->is_number_integer()) return 0;
        const long long n = value->get<long long>();
        return n >= kLowestRating && n <= kHighestRating ? static_cast<int>(n) : 0;
    };
    const int today = scale("today"), wanted = scale("wanted");
    if (today == 0 || wanted == 0) return Error{"Both answers must be from 1 to 7."};
    return std::make_pair(today, wanted);
}

}  // namespace sv
