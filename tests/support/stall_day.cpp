#include "stall_day.hpp"

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>

#include "about_you.hpp"
#include "budget_ballot.hpp"
#include "child_process.hpp"
#include "place_standard.hpp"
#include "store.hpp"
#include "uuid.hpp"

namespace sv::test {
namespace {

ResponseDraft place_standard_for(const Campaign& campaign, std::mt19937_64& random, int index) {
    PlaceStandardAnswers answers;
    for (std::size_t t = 0; t < answers.ratings.size(); ++t) {
        // Themes lean differently, so the compass has a shape: the first themes rated low.
        const int lean = 1 + static_cast<int>(t) / 3;
        if (std::uniform_int_distribution<int>(0, 9)(random) == 0) continue;  // skipped
        answers.ratings[t] = std::clamp(lean + std::uniform_int_distribution<int>(-1, 2)(random), 1, 7);
    }
    if (index % 5 == 0)
        answers.comments[static_cast<std::size_t>(index) % kThemeCount] = "Comment number " + std::to_string(index);
    return {new_uuid(), campaign.id, campaign.version, "place", place_standard_payload(answers), {}};
}

ResponseDraft ballot_for(const Campaign& campaign, std::mt19937_64& random) {
    const BudgetVote& vote = campaign.activity("budget")->budget;
    BudgetBallot ballot;
    mpq_class spent = 0;
    // Most voters favour the first projects, a few the others: enough to make the rules differ now and then.
    for (std::size_t p = 0; p < vote.projects.size(); ++p) {
        const int liking = p < 3 ? 6 : 2;
        if (std::uniform_int_distribution<int>(0, 9)(random) < liking && spent + vote.projects[p].cost <= vote.budget) {
            ballot.chosen.push_back(static_cast<int>(p));
            spent += vote.projects[p].cost;
        }
    }
    if (ballot.chosen.empty()) ballot.chosen.push_back(static_cast<int>(vote.projects.size()) - 1);
    REQUIRE(check_ballot(vote, ballot).ok());
    return {new_uuid(), campaign.id, campaign.version, "budget", ballot_payload(vote, ballot), {}};
}

ResponseDraft about_you_for(const Campaign& campaign, std::mt19937_64& random) {
    AboutYouAnswers answers;
    // Older people answer more than young ones, as at most daytime stalls.
    const int band = std::discrete_distribution<int>({1, 2, 3, 4, 6, 8, 9, 7})(random);
    answers["age"] = std::uniform_int_distribution<int>(0, 19)(random) == 0 ? kPreferNotToSay : std::to_string(band);
    return {new_uuid(), campaign.id, campaign.version, kAboutYouActivity, about_you_payload(answers), {}};
}

}  // namespace

std::vector<ResponseDraft> drafts_for_stall(const Campaign& campaign, const Stall& stall, std::uint64_t seed) {
    std::mt19937_64 random(seed);
    std::vector<ResponseDraft> drafts;
    for (int i = 0; i < stall.place_standard; ++i) drafts.push_back(place_standard_for(campaign, random, i));
    for (int i = 0; i < stall.ballots; ++i) drafts.push_back(ballot_for(campaign, random));
    for (int i = 0; i < stall.about_you; ++i) drafts.push_back(about_you_for(campaign, random));
    return drafts;
}

std::string riverside_with_about_you(const TempFolder& folder) {
    std::ifstream in(STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    nlohmann::json doc = nlohmann::json::parse(in);
    doc["about_you"] = {{"age_bands", true},
                        {"reference",
                         {{"source", "Census 2021, Riverside ward (test figures)"},
                          {"percent", {{"age", {18, 11, 13, 12, 13, 13, 11, 9}}}}}}};
    // Pictures are found beside the campaign file.
    std::filesystem::create_directory_symlink(std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/pictures",
                                              folder.file("pictures"));
    doc["version"] = doc["version"].get<int>() + 100;
    const std::string file = folder.file("riverside-with-about-you.json");
    std::ofstream(file) << doc.dump(2);
    return file;
}

namespace {

// A new kiosk's answers file with `stalls`' events and answers, sent to `hub` by `streetvoice sync`.
void record_events_and_sync(const RunningHub& hub, const std::string& campaign_file,
                            const std::vector<std::pair<Stall, std::vector<ResponseDraft>>>& stalls) {
    const Campaign campaign = load_campaign_file(campaign_file).value();
    TempFolder kiosk;
    {
        auto store = Store::open(answers_file_in(kiosk.path()));
        REQUIRE(store.ok());
        REQUIRE(store.value().remember_campaign(campaign.id, campaign.version, campaign.definition_json).ok());
        for (const auto& [stall, drafts] : stalls) {
            REQUIRE(store.value().start_event(stall.place, stall.ward, "AB").ok());
            for (const auto& draft : drafts) REQUIRE(store.value().record_response(draft).ok());
        }
    }
    std::string output;
    const int code = run_program({STREETVOICE_CLI_BINARY, "sync", "--data-dir", kiosk.path(), "--hub", hub.url(),
                                  "--enrol", hub.enrolment_code()},
                                 output);
    INFO(output);
    REQUIRE(code == 0);
}

}  // namespace

std::string riverside_day_on(const RunningHub& hub, const TempFolder& folder, const std::vector<Stall>& stalls) {
    const std::string campaign_file = riverside_with_about_you(folder);
    hub.publish(campaign_file);
    hold_stalls_and_sync(hub, campaign_file, stalls, 2026);
    return campaign_file;
}

void hold_stalls_and_sync(const RunningHub& hub, const std::string& campaign_file, const std::vector<Stall>& stalls,
                          std::uint64_t seed) {
    const Campaign campaign = load_campaign_file(campaign_file).value();
    std::vector<std::pair<Stall, std::vector<ResponseDraft>>> recorded;
    for (const Stall& stall : stalls) recorded.emplace_back(stall, drafts_for_stall(campaign, stall, seed++));
    record_events_and_sync(hub, campaign_file, recorded);
}

void record_and_sync(const RunningHub& hub, const std::string& campaign_file, const std::string& place,
                     const std::string& ward, const std::vector<ResponseDraft>& drafts) {
    record_events_and_sync(hub, campaign_file, {{Stall{place, ward}, drafts}});
}

}  // namespace sv::test
