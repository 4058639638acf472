#include <catch2/catch.hpp>

#include "outcome_notes.hpp"
#include "store.hpp"
#include "temp_folder.hpp"

using sv::WardOutcomeNote;

namespace {

std::vector<std::string> said(const std::vector<sv::OutcomeNote>& notes) {
    std::vector<std::string> texts;
    for (const auto& n : notes) texts.push_back(n.said.in("en"));
    return texts;
}

}  // namespace

TEST_CASE("the welcome screen's notes: this ward's from the hub, then every ward's, then the file's") {
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_CAMPAIGN).value();
    REQUIRE(campaign.you_said_we_did.size() >= 1);
    const std::string file_first = campaign.you_said_we_did[0].said.in("en");
    const std::vector<WardOutcomeNote> from_hub = {
        {"Northfield", "N1", "done"}, {"", "All1", "done"}, {" riverside ", "R1", "done"}, {"Riverside", "R2", "done"}};

    auto in_riverside = said(sv::welcome_notes(campaign, from_hub, "RIVERSIDE"));
    REQUIRE(in_riverside.size() >= 4);
    CHECK(std::vector<std::string>(in_riverside.begin(), in_riverside.begin() + 4) ==
          std::vector<std::string>{"R1", "R2", "All1", file_first});

    auto no_ward = said(sv::welcome_notes(campaign, from_hub, ""));
    CHECK(no_ward.at(0) == "All1");
    CHECK(std::find(no_ward.begin(), no_ward.end(), "N1") == no_ward.end());

    // Never more than the screen's most, however many the hub sends.
    std::vector<WardOutcomeNote> many(20, {"", "A", "B"});
    CHECK(sv::welcome_notes(campaign, many, "Riverside").size() == sv::kMostOutcomeNotes);
    // Nothing from the hub: the campaign file's own.
    CHECK(said(sv::welcome_notes(campaign, {}, "Riverside")).at(0) == file_first);
}

TEST_CASE("the hub's notes are kept per campaign and replaced whole by each update") {
    sv::test::TempFolder folder;
    auto store = sv::Store::open(folder.file("answers.sqlite"));
    REQUIRE(store.ok());
    REQUIRE(store.value().replace_outcome_notes("a", {{"Riverside", "said 1", "did 1"}, {"", "said 2", "did 2"}}).ok());
    REQUIRE(store.value().replace_outcome_notes("b", {{"", "other", "campaign"}}).ok());
    auto a = store.value().outcome_notes("a");
    REQUIRE(a.ok());
    REQUIRE(a.value().size() == 2);
    CHECK(a.value()[0].said == "said 1");
    CHECK(a.value()[1].ward.empty());
    REQUIRE(store.value().replace_outcome_notes("a", {{"", "said 3", "did 3"}}).ok());
    CHECK(store.value().outcome_notes("a").value().size() == 1);
    CHECK(store.value().outcome_notes("b").value().at(0).said == "other");
    REQUIRE(store.value().replace_outcome_notes("a", {}).ok());
    CHECK(store.value().outcome_notes("a").value().empty());
}
