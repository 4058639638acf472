#include <catch2/catch.hpp>

#include "json_reader.hpp"

using nlohmann::json;
using sv::JsonReader;

TEST_CASE("json reader: the first problem is the one reported, with its field's path") {
    JsonReader reader("riverside.json");
    const json doc = json::parse(R"({"id": "Not An Id", "activities": [{"type": 7}]})");
    reader.id(doc, "id", "");
    reader.require(doc["activities"][0], "title", "activities[0]");
    REQUIRE(reader.failed());
    CHECK(reader.error().message ==
          "riverside.json: field \"id\" must be 1 to 64 lower-case letters, digits, '-', '_' or '.' (found \"Not An "
          "Id\")");
}

TEST_CASE("json reader: a message's fields are named by their key alone") {
    JsonReader reader("response 2", JsonReader::Naming::bare_key);
    reader.short_text(json::parse(R"({"uuid": 12})"), "uuid", 100);
    CHECK(reader.error().message == "response 2: \"uuid\" is missing or not text.");
}

TEST_CASE("json reader: short text is 1 to N characters, or when optional absent, null or up to N") {
    const json doc = json::parse(R"({"empty": "", "long": "abcdef", "none": null, "fine": "abc"})");
    const auto problem_with = [&](const char* key, JsonReader::Presence presence) {
        JsonReader reader("the message", JsonReader::Naming::bare_key);
        const std::string value = reader.short_text(doc, key, 5, presence);
        return reader.failed() ? reader.error().message : "read \"" + value + "\"";
    };
    using P = JsonReader::Presence;
    CHECK(problem_with("fine", P::required) == "read \"abc\"");
    CHECK(problem_with("empty", P::required) == "the message: \"empty\" must be 1 to 5 characters.");
    CHECK(problem_with("long", P::required) == "the message: \"long\" must be 1 to 5 characters.");
    CHECK(problem_with("none", P::required) == "the message: \"none\" is missing or not text.");
    CHECK(problem_with("absent", P::required) == "the message: \"absent\" is missing or not text.");
    CHECK(problem_with("empty", P::optional) == "read \"\"");
    CHECK(problem_with("none", P::optional) == "read \"\"");
    CHECK(problem_with("absent", P::optional) == "read \"\"");
    CHECK(problem_with("long", P::optional) == "the message: \"long\" is longer than 5 characters.");
}

TEST_CASE("json reader: text in one language or by language, and the default language is required") {
    const json doc = json::parse(R"({"plain": "Hello", "both": {"en": "Hello", "cy": "Helo"}, "welsh": {"cy": "Helo"},
                                     "broken": {"en": 3}, "number": 3})");
    JsonReader reader("c.json");
    CHECK(reader.text(doc, "plain", "", "en", true).by_language.at("en") == "Hello");
    CHECK(reader.text(doc, "both", "", "en", true).by_language.at("cy") == "Helo");
    CHECK_FALSE(reader.failed());
    reader.text(doc, "welsh", "", "en", true);
    CHECK(reader.error().message == "c.json: field \"welsh\" needs a text in the default language \"en\"");
    for (const char* key : {"broken", "number"}) {
        JsonReader other("c.json");
        other.text(doc, key, "", "en", true);
        CHECK(other.failed());
    }
}
