#include "chain_judgement.hpp"

#include <map>
#include <set>

#include "about_you.hpp"
#include "ballot_chain.hpp"

namespace sv {

std::vector<std::string> links_before(const std::vector<Response>& responses) {
    std::set<std::string> befores;
    for (const auto& r : responses)
        if (r.chain && !r.chain->before.empty()) befores.insert(r.chain->before);
    return {befores.begin(), befores.end()};
}

std::vector<ChainProblem> judge_chain(const std::vector<Response>& responses, const std::vector<ChainEntry>& held_near,
                                      bool device_keeps_chain) {
    std::set<std::string> known_links;
    std::multimap<std::string, std::string> followers;  // link before -> uuids after it
    for (const auto& e : held_near) {
        if (!e.link.empty()) known_links.insert(e.link);
        if (!e.before.empty()) followers.emplace(e.before, e.uuid);
    }
    const auto followed_by_another = [&followers](const std::string& before, const std::string& uuid) {
        const auto [first, last] = followers.equal_range(before);
        for (auto it = first; it != last; ++it)
            if (it->second != uuid) return true;
        return false;
    };
    std::vector<ChainProblem> problems;
    for (const auto& r : responses) {
        if (!r.chain) {
            // Answers about the person are kept out of the chain (a link would pair them with a ballot).
            const bool kept_out = r.activity_id == kAboutYouActivity;
            problems.push_back(device_keeps_chain && !kept_out ? ChainProblem::unlinked : ChainProblem::none);
            continue;
        }
        device_keeps_chain = true;
        const ChainPlace& place = *r.chain;
        ChainProblem problem = ChainProblem::none;
        if (place.link.empty())
            problem = ChainProblem::unlinked;
        else if (chain_link(place.before, r) != place.link)
            problem = ChainProblem::changed;
        else if (place.before != kChainStart && !known_links.count(place.before))
            problem = ChainProblem::gap;
        else if (followed_by_another(place.before, r.uuid))
            problem = ChainProblem::branch;
        problems.push_back(problem);
        // What comes after joins on, whatever was wrong here: one break raises one alarm.
        if (!place.link.empty()) {
            known_links.insert(place.link);
            followers.emplace(place.before, r.uuid);
        }
    }
    return problems;
}

std::string chain_problem_sentence(ChainProblem problem) {
    const std::string after =
        " It is not counted; it is kept on this tablet, and the organiser sees an alarm for "
        "this tablet on the hub's dashboard.";
    switch (problem) {
        case ChainProblem::none: return {};
        case ChainProblem::changed:
            return "It no longer matches its link in this tablet's chain of answers: it was changed after it was "
                   "stored." +
                   after;
        case ChainProblem::gap:
            return "The answer stored before it on this tablet never reached the hub: an answer was removed from this "
                   "tablet's answers file." +
                   after;
        case ChainProblem::branch:
            return "The hub already holds another answer stored after the same one on this tablet: an answer was put "
                   "into this tablet's answers file, or the file was put back from an older copy." +
                   after;
        case ChainProblem::unlinked:
            return "It has no link in this tablet's chain of answers: it was put into the answers file afterwards, "
                   "or the file is damaged." +
                   after;
    }
    return {};
}

std::string chain_problem_words(ChainProblem problem) {
    switch (problem) {
        case ChainProblem::none: return {};
        case ChainProblem::changed: return "changed after it was stored";
        case ChainProblem::gap: return "an answer before it was removed";
        case ChainProblem::branch: return "another answer already follows the one before it (one was put in)";
        case ChainProblem::unlinked: return "no link: put in afterwards";
    }
    return {};
}

}  // namespace sv
