// JSON from outside is measured before it is parsed: deep nesting is refused in one pass.
#include <catch2/catch.hpp>

#include "bounded_json.hpp"
#include "campaign.hpp"

TEST_CASE("nesting is counted over objects and arrays, not brackets inside text") {
    CHECK(sv::json_nesting_depth("42", 100) == 0);
    CHECK(sv::json_nesting_depth("{}", 100) == 1);
    CHECK(sv::json_nesting_depth(R"({"a":[1,{"b":[]}],"c":{}})", 100) == 4);
    CHECK(sv::json_nesting_depth(R"({"text":"[[[[{{{{"})", 100) == 1);
    CHECK(sv::json_nesting_depth(R"({"text":"a \" [[[[ \\"})", 100) == 1);
    CHECK(sv::json_nesting_depth(R"(["\\", [[]]])", 100) == 3);
    // It stops counting where it was told to: a hostile document costs no more than that.
    CHECK(sv::json_nesting_depth(std::string(1000000, '['), 33) == 33);
    // Stray closers do not make later nesting look shallower.
    CHECK(sv::json_nesting_depth("]]]][[[", 100) == 3);
}

TEST_CASE("bounded parsing refuses what is too deep or too large, in plain words, and parses the rest") {
    const sv::JsonLimits limits{1000, 4};
    auto fine = sv::parse_bounded_json(R"({"a":[[{"b":1}]]})", limits, "The batch");
    REQUIRE(fine.ok());
    CHECK(fine.value()["a"][0][0]["b"] == 1);
    auto deep = sv::parse_bounded_json(R"({"a":[[[{"b":1}]]]})", limits, "The batch");
    REQUIRE_FALSE(deep.ok());
    CHECK(deep.error().message ==
          "The batch nests lists and objects more than 4 deep; a real one is a few levels deep.");
    auto large = sv::parse_bounded_json("[" + std::string(2000, ' ') + "]", limits, "The batch");
    REQUIRE_FALSE(large.ok());
    CHECK(large.error().message == "The batch is larger than 0 KB.");
    auto broken = sv::parse_bounded_json("{\"a\":", limits, "The batch");
    REQUIRE_FALSE(broken.ok());
    CHECK(broken.error().message == "The batch is not valid JSON.");
}

TEST_CASE("a campaign file nested thousands deep is refused before it is parsed") {
    const std::string deep = "{\"format\":1,\"id\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
    auto campaign = sv::parse_campaign(deep, "deep.json");
    REQUIRE_FALSE(campaign.ok());
    CHECK(campaign.error().message ==
          "deep.json: lists and objects nested more than 32 deep; a campaign is a few levels deep");
}
