#include <catch2/catch.hpp>
#include <filesystem>

#include "campaign.hpp"
#include "temp_folder.hpp"

using sv::parse_campaign;

namespace {

const char* const kGood = R"({
  "format": 1, "id": "riverside-2026", "version": 3, "languages": ["en", "cy"],
  "title": {"en": "How Good is Our Place?", "cy": "Pa mor dda yw ein lle ni?"},
  "area": "Riverside ward",
  "activities": [{"id": "place", "type": "place-standard", "title": "Rate your area"}]
})";

std::string error_of(const std::string& json) {
    auto result = parse_campaign(json, "test.json");
    REQUIRE_FALSE(result.ok());
    return result.error().message;
}

}  // namespace

TEST_CASE("the bundled demo campaign loads") {
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_CAMPAIGN);
    REQUIRE(campaign.ok());
    CHECK(campaign.value().id == "demo-riverside-2026");
    CHECK(campaign.value().title.in("en") == "How Good is Our Place?");
    REQUIRE(campaign.value().activities.size() == 1);
    CHECK(campaign.value().activities[0].type == sv::ActivityType::place_standard);
}

TEST_CASE("a good campaign is read with its texts by language") {
    auto result = parse_campaign(kGood, "test.json");
    REQUIRE(result.ok());
    const auto& c = result.value();
    CHECK(c.version == 3);
    CHECK(c.default_language() == "en");
    CHECK(c.title.in("cy") == "Pa mor dda yw ein lle ni?");
    CHECK(c.title.in("pl") == "How Good is Our Place?");  // falls back to English
    CHECK(c.area.in("en") == "Riverside ward");
    CHECK(c.activities[0].title.in("en") == "Rate your area");
}

TEST_CASE("a Place Standard activity is for adults unless it names the children's or young people's version") {
    auto result = parse_campaign(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t",
        "activities":[{"id":"grown-ups","type":"place-standard","title":"A"},
                      {"id":"children","type":"place-standard","title":"C","version":"children"},
                      {"id":"young","type":"place-standard","title":"Y","version":"young-people"}]})",
                                 "test.json");
    REQUIRE(result.ok());
    const auto& activities = result.value().activities;
    CHECK(activities[0].place_standard_version == sv::PlaceStandardVersion::adults);
    CHECK(activities[1].place_standard_version == sv::PlaceStandardVersion::children);
    CHECK(activities[2].place_standard_version == sv::PlaceStandardVersion::young_people);
}

TEST_CASE("a campaign may name its wards, each once, on one line and short enough for a button") {
    const auto with_wards = [](const std::string& wards) {
        return R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t","wards":)" + wards +
               R"(,"activities":[{"id":"p","type":"place-standard","title":"A"}]})";
    };
    auto named = parse_campaign(with_wards(R"(["Riverside", "Northfield", "St Mary's & Old Town"])"), "test.json");
    INFO((named.ok() ? std::string() : named.error().message));
    REQUIRE(named.ok());
    CHECK(named.value().wards == std::vector<std::string>{"Riverside", "Northfield", "St Mary's & Old Town"});
    auto none = parse_campaign(kGood, "test.json");
    REQUIRE(none.ok());
    CHECK(none.value().wards.empty());
    CHECK_THAT(parse_campaign(with_wards("[]"), "test.json").error().message,
               Catch::Contains("field \"wards\" must be a list of 1 to 100 ward names"));
    CHECK_THAT(parse_campaign(with_wards(R"("Riverside")"), "test.json").error().message,
               Catch::Contains("field \"wards\" must be a list"));
    CHECK_THAT(parse_campaign(with_wards(R"(["Riverside", "Riverside"])"), "test.json").error().message,
               Catch::Contains("field \"wards[1]\" repeats the ward \"Riverside\""));
    CHECK_THAT(parse_campaign(with_wards(R"(["River\nside"])"), "test.json").error().message,
               Catch::Contains("field \"wards[0]\" must be a ward's name, 1 to 60 characters on one line"));
    CHECK_THAT(parse_campaign(with_wards("[\"" + std::string(61, 'x') + "\"]"), "test.json").error().message,
               Catch::Contains("field \"wards[0]\""));
    std::string many = "[";
    for (int i = 0; i <= 100; ++i) many += (i ? ",\"W" : "\"W") + std::to_string(i) + "\"";
    CHECK_THAT(parse_campaign(with_wards(many + "]"), "test.json").error().message, Catch::Contains("1 to 100"));
}

TEST_CASE("bad campaign files are refused naming the file and the field") {
    SECTION("not JSON: the line is given") {
        const auto message = error_of("{\n\"format\": 1,\n\"id\": \"x\"\n\"version\": 1}");
        CHECK_THAT(message, Catch::Contains("test.json") && Catch::Contains("line 4"));
    }
    SECTION("not an object") {
        CHECK_THAT(error_of("[1,2]"), Catch::Contains("must be a JSON object"));
    }
    SECTION("a missing id") {
        CHECK_THAT(error_of(R"({"format":1,"version":1,"languages":["en"],"title":"t","activities":[]})"),
                   Catch::Contains("test.json: field \"id\" is missing"));
    }
    SECTION("an id with spaces") {
        CHECK_THAT(
            error_of(R"({"format":1,"id":"My Campaign","version":1,"languages":["en"],"title":"t","activities":[]})"),
            Catch::Contains("field \"id\" must be 1 to 64 lower-case"));
    }
    SECTION("a version that is not a whole number") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":"2","languages":["en"],"title":"t","activities":[]})"),
                   Catch::Contains("field \"version\" must be a whole number"));
    }
    SECTION("a format from a newer kiosk") {
        CHECK_THAT(error_of(R"({"format":2,"id":"a","version":1,"languages":["en"],"title":"t","activities":[]})"),
                   Catch::Contains("field \"format\"") && Catch::Contains("update"));
    }
    SECTION("no languages") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":[],"title":"t","activities":[]})"),
                   Catch::Contains("field \"languages\""));
    }
    SECTION("a title missing in the default language") {
        CHECK_THAT(
            error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":{"cy":"Teitl"},"activities":[]})"),
            Catch::Contains("field \"title\" needs a text in the default language \"en\""));
    }
    SECTION("no activities") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t","activities":[]})"),
                   Catch::Contains("field \"activities\" must list at least one activity"));
    }
    SECTION("a quick poll with one answer") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t",
                               "activities":[{"id":"x","type":"quick-poll","title":"Q","question":"Why?",
                               "answers":["Because"]}]})"),
                   Catch::Contains("field \"activities[0].answers\" must list 2 to 6 answers"));
    }
    SECTION("a scale pair without its second question") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t",
                               "activities":[{"id":"x","type":"scale-pair","title":"Q","today":"Now?"}]})"),
                   Catch::Contains("field \"activities[0].wanted\" is missing"));
    }
    SECTION("an about-you question without options") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t",
                               "activities":[{"id":"x","type":"place-standard","title":"Q"}],
                               "about_you":{"questions":[{"id":"q","text":"Which?"}]}})"),
                   Catch::Contains("field \"about_you.questions[0].options\" is missing"));
    }
    SECTION("an unknown activity type") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t",
                               "activities":[{"id":"x","type":"quiz","title":"Q"}]})"),
                   Catch::Contains("field \"activities[0].type\" must be \"place-standard\", \"budget-vote\", "
                                   "\"quick-poll\" or \"scale-pair\" "
                                   "(found \"quiz\")"));
    }
    SECTION("a Place Standard version the kiosk does not know") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t",
                               "activities":[{"id":"x","type":"place-standard","title":"Q","version":"teens"}]})"),
                   Catch::Contains("field \"activities[0].version\" must be \"adults\", \"young-people\" or "
                                   "\"children\" (found \"teens\")"));
    }
    SECTION("an activity without a title") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t",
                               "activities":[{"id":"x","type":"place-standard"}]})"),
                   Catch::Contains("field \"activities[0].title\" is missing"));
    }
    SECTION("two activities with one id") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t",
                               "activities":[{"id":"x","type":"place-standard","title":"A"},
                                             {"id":"x","type":"place-standard","title":"B"}]})"),
                   Catch::Contains("field \"activities[1].id\" repeats the id \"x\""));
    }
    SECTION("a text that is a number") {
        CHECK_THAT(error_of(R"({"format":1,"id":"a","version":1,"languages":["en"],"title":7,"activities":[]})"),
                   Catch::Contains("field \"title\" must be text"));
    }
}

TEST_CASE("campaign files that cannot be read are named") {
    sv::test::TempFolder folder;
    auto missing = sv::load_campaign_file(folder.file("nope.json"));
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message, Catch::Contains("nope.json") && Catch::Contains("cannot be opened"));

    sv::test::write_file(folder.file("empty.json"), "");
    auto empty = sv::load_campaign_file(folder.file("empty.json"));
    REQUIRE_FALSE(empty.ok());
    CHECK_THAT(empty.error().message, Catch::Contains("empty.json") && Catch::Contains("not valid JSON"));

    sv::test::write_file(folder.file("huge.json"), std::string(5 * 1024 * 1024, ' '));
    auto huge = sv::load_campaign_file(folder.file("huge.json"));
    REQUIRE_FALSE(huge.ok());
    CHECK_THAT(huge.error().message, Catch::Contains("too large"));
}

TEST_CASE("random damage to a campaign file never crashes the loader") {
    const std::string good = kGood;
    unsigned state = 12345;
    auto next = [&] { return state = state * 1103515245u + 12345u; };
    int accepted = 0;
    for (int round = 0; round < 2000; ++round) {
        std::string damaged = good;
        const int edits = 1 + static_cast<int>(next() % 4);
        for (int e = 0; e < edits; ++e) {
            const std::size_t at = next() % damaged.size();
            switch (next() % 3) {
                case 0: damaged[at] = static_cast<char>(next() % 256); break;
                case 1: damaged.erase(at, 1 + next() % 8); break;
                default: damaged.insert(at, 1, "{}[]\",:0a"[next() % 9]); break;
            }
            if (damaged.empty()) damaged = "x";
        }
        auto result = parse_campaign(damaged, "fuzz.json");
        if (result.ok()) {
            ++accepted;
            CHECK_FALSE(result.value().activities.empty());
        } else {
            CHECK_THAT(result.error().message, Catch::StartsWith("fuzz.json: "));
        }
    }
    CHECK(accepted < 2000);
}

TEST_CASE("the demo budget campaign offers a knapsack vote and the Place Standard") {
    auto campaign = sv::load_campaign_file(STREETVOICE_DEMO_BUDGET_CAMPAIGN);
    REQUIRE(campaign.ok());
    const auto* budget = campaign.value().activity("budget");
    REQUIRE(budget);
    CHECK(budget->type == sv::ActivityType::budget_vote);
    CHECK(budget->budget.budget == 50000);
    CHECK(budget->budget.rules.type == sv::BallotType::knapsack);
    CHECK(budget->budget.projects.size() == 12);
    CHECK(budget->budget.projects[0].cost == 6000);
    REQUIRE(campaign.value().activity("place"));
    CHECK(campaign.value().definition_json.find("Riverside Decides") != std::string::npos);
}

TEST_CASE("bad budget votes are refused naming the field") {
    auto with = [](const std::string& activity) {
        return R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t","activities":[)" + activity + "]}";
    };
    const std::string project = R"({"id":"p1","name":"Benches","cost":6000,"summary":"Eight benches"})";
    auto vote = [&](const std::string& budget, const std::string& ballot, const std::string& projects) {
        return with(R"({"id":"b","type":"budget-vote","title":"Vote","budget":)" + budget + R"(,"ballot":)" + ballot +
                    R"(,"projects":[)" + projects + "]}");
    };
    const std::string knapsack = R"({"type":"knapsack"})";
    CHECK(parse_campaign(vote("50000", knapsack, project), "t.json").ok());
    CHECK(parse_campaign(vote(R"("50000.50")", knapsack, project), "t.json").ok());
    CHECK_THAT(error_of(vote("50000.5", knapsack, project)),
               Catch::Contains("field \"activities[0].budget\" must be an amount above zero"));
    CHECK_THAT(error_of(vote("-1", knapsack, project)), Catch::Contains("\"activities[0].budget\""));
    CHECK_THAT(error_of(vote("5000", knapsack, project)),
               Catch::Contains("\"activities[0].projects[0].cost\" is more than the whole budget"));
    CHECK_THAT(error_of(vote("50000", R"({"type":"lottery"})", project)),
               Catch::Contains("\"activities[0].ballot.type\" must be \"approval\", \"knapsack\""));
    CHECK_THAT(error_of(vote("50000", R"({"type":"approval","min_choices":2,"max_choices":1})",
                             project + "," + R"({"id":"p2","name":"B","cost":1,"summary":"s"})")),
               Catch::Contains("\"activities[0].ballot.min_choices\" must not be more than max_choices"));
    CHECK_THAT(error_of(vote("50000", R"({"type":"cumulative"})", project)),
               Catch::Contains("\"activities[0].ballot.points\" is missing"));
    CHECK_THAT(error_of(vote("50000", R"({"type":"approval","min_spend_share":"0.5"})", project)),
               Catch::Contains("min_spend_share\" only applies to knapsack ballots"));
    CHECK_THAT(error_of(vote("50000", knapsack, project + "," + project)),
               Catch::Contains("\"activities[0].projects[1].id\" repeats the id \"p1\""));
    CHECK_THAT(error_of(vote("50000", knapsack, R"({"id":"p1","name":"Benches","cost":6000})")),
               Catch::Contains("\"activities[0].projects[0].summary\" is missing"));
    CHECK_THAT(error_of(vote("50000", knapsack, "")), Catch::Contains("must list from 1 to 200 projects"));
    // The currency is printed after every amount, on the dashboard too: only a real code will do.
    auto priced_in = [&](const std::string& currency) {
        return with(R"({"id":"b","type":"budget-vote","title":"Vote","budget":50000,"currency":")" + currency +
                    R"(","ballot":{"type":"knapsack"},"projects":[)" + project + "]}");
    };
    CHECK(parse_campaign(priced_in("EUR"), "t.json").ok());
    auto hashed_by = [&](const std::string& hashing) {
        return with(R"({"id":"b","type":"budget-vote","title":"Vote","budget":50000,"ballot":{"type":"knapsack"},)"
                    R"("eligibility":{"rule":"voter-code","salt":"s1","code_hashing":")" +
                    hashing + R"(","code_hashes":[")" + std::string(64, 'a') + R"("]},"projects":[)" + project + "]}");
    };
    CHECK(parse_campaign(hashed_by("argon2id"), "t.json").ok());
    CHECK_THAT(error_of(hashed_by("md5")),
               Catch::Contains("\"activities[0].eligibility.code_hashing\" must be \"argon2id\""));
    for (const char* wrong : {"<b>", "gbp", "GB", "GBPS", "\u00a3\u00a3\u00a3"})
        CHECK_THAT(error_of(priced_in(wrong)),
                   Catch::Contains("\"activities[0].currency\" must be a three-letter code in capitals"));
}

TEST_CASE("a project's picture must be a file in the campaign's folder") {
    const std::string head =
        R"({"format":1,"id":"a","version":1,"languages":["en"],"title":"t","activities":[)"
        R"({"id":"b","type":"budget-vote","title":"Vote","budget":50000,"ballot":{"type":"knapsack"},"projects":[)"
        R"({"id":"p1","name":"Benches","cost":6000,"summary":"Eight benches","image":)";
    auto with_image = [&](const std::string& image) { return head + "\"" + image + "\"}]}]}"; };
    for (const char* escaping : {"../secret.png", "/etc/passwd", "pictures/../../x.png", "a//b.png", "a\\\\b.png"})
        CHECK_THAT(error_of(with_image(escaping)),
                   Catch::Contains("\"activities[0].projects[0].image\" must name a file in the campaign's folder"));

    sv::test::TempFolder folder;
    sv::test::write_file(folder.file("campaign.json"), with_image("pictures/benches.png"));
    auto missing = sv::load_campaign_file(folder.file("campaign.json"));
    REQUIRE_FALSE(missing.ok());
    CHECK_THAT(missing.error().message,
               Catch::Contains("the picture \"pictures/benches.png\" for the project \"p1\" is not in the campaign's "
                               "folder"));
    std::filesystem::create_directory(folder.file("pictures"));
    sv::test::write_file(folder.file("pictures/benches.png"), "not checked until the kiosk draws it");
    auto found = sv::load_campaign_file(folder.file("campaign.json"));
    REQUIRE(found.ok());
    CHECK(found.value().folder == folder.path());
}

TEST_CASE("a campaign's reference profile is read, and a wrong one is refused naming its field") {
    auto with_reference = [](const std::string& reference) {
        return R"({"format": 1, "id": "r", "version": 1, "languages": ["en"], "title": "t",
          "activities": [{"id": "place", "type": "place-standard", "title": "Rate"}],
          "about_you": {"age_bands": true, "questions": [{"id": "car", "text": "Car?", "options": ["Yes", "No"]}],
                        "reference": )" +
               reference + "}}";
    };
    auto good = parse_campaign(
        with_reference(
            R"({"source": "Census 2021", "percent": {"age": [18, 11, 13, 12, 13, 13, 11, 9], "car": [60, 40]}})"),
        "good.json");
    REQUIRE(good.ok());
    CHECK(good.value().about_you.reference.source == "Census 2021");
    CHECK(good.value().about_you.reference.percent_by_question.at("car") == std::vector<double>{60, 40});
    CHECK_THAT(error_of(with_reference(R"({"percent": {}})")), Catch::Contains("about_you.reference.source"));
    CHECK_THAT(error_of(with_reference(R"({"source": "x", "percent": {"bus": [50, 50]}})")),
               Catch::Contains("about_you.reference.percent.bus") && Catch::Contains("names no about-you question"));
    CHECK_THAT(error_of(with_reference(R"({"source": "x", "percent": {"car": [100]}})")),
               Catch::Contains("one percentage per option (2)"));
    CHECK_THAT(error_of(with_reference(R"({"source": "x", "percent": {"car": [60, 60]}})")),
               Catch::Contains("adds up to 120%, not 100%"));
    CHECK_THAT(error_of(with_reference(R"({"source": "x", "percent": {"car": [-10, 110]}})")),
               Catch::Contains("numbers from 0 to 100"));
}
