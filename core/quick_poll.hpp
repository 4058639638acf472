#pragma once
// The fast lane of a busy stall: one question with 2 to 6 answers, or a "where we are today /
// where we want to be" pair of 1-7 scales. One touch or two, then done.
#include <string>
#include <utility>
#include <vector>

#include "local_text.hpp"
#include "result.hpp"

namespace sv {

constexpr std::size_t kFewestPollAnswers = 2;
constexpr std::size_t kMostPollAnswers = 6;

struct QuickPoll {
    LocalText question;
    std::vector<LocalText> answers;  // quick-poll
    LocalText today;                 // scale-pair: "Where are we today?"
    LocalText wanted;                // scale-pair: "Where do you want us to be?"
};

std::string quick_poll_payload(int choice);
Result<int> parse_quick_poll_payload(const QuickPoll& poll, const std::string& payload);

std::string scale_pair_payload(int today, int wanted);
Result<std::pair<int, int>> parse_scale_pair_payload(const std::string& payload);

}  // namespace sv
