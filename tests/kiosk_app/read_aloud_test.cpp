// "Read aloud": what each question screen says, that it goes to the speaker without the
// screen waiting, and that espeak-ng really makes sound in the campaign languages.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <iterator>

#include "headless_kiosk.hpp"
#include "speech.hpp"
#include "temp_folder.hpp"

using sv::Screen;
using sv::test::HeadlessKiosk;
using sv::test::TempFolder;

namespace {

// Root mean square of a 16-bit mono PCM WAV file's samples, and its length in seconds.
std::pair<double, double> loudness_and_seconds(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::vector<unsigned char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(bytes.size() > 44);
    REQUIRE(std::string(bytes.begin(), bytes.begin() + 4) == "RIFF");
    const auto u32 = [&](std::size_t at) {
        return static_cast<std::uint32_t>(bytes[at] | bytes[at + 1] << 8 | bytes[at + 2] << 16 | bytes[at + 3] << 24);
    };
    const std::uint32_t rate = u32(24);
    std::size_t at = 12;
    while (at + 8 <= bytes.size() &&
           std::string(bytes.begin() + static_cast<long>(at), bytes.begin() + static_cast<long>(at) + 4) != "data")
        at += 8 + u32(at + 4);
    REQUIRE(at + 8 <= bytes.size());
    const std::size_t samples = std::min<std::size_t>(u32(at + 4), bytes.size() - at - 8) / 2;
    double sum = 0;
    for (std::size_t i = 0; i < samples; ++i) {
        const auto sample = static_cast<std::int16_t>(bytes[at + 8 + 2 * i] | bytes[at + 9 + 2 * i] << 8);
        sum += static_cast<double>(sample) * sample;
    }
    return {samples ? std::sqrt(sum / static_cast<double>(samples)) : 0.0, static_cast<double>(samples) / rate};
}

}  // namespace

TEST_CASE("read aloud says the question and its choices, and stops when the question changes") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path());
    const auto& calls = kiosk.spoken();
    CHECK_FALSE(kiosk.can_touch("read-aloud"));  // nothing to read on the welcome screen
    kiosk.tap("start-place");
    kiosk.tap("read-aloud");
    REQUIRE(calls.said.size() == 1);
    CHECK(calls.said[0].second == "en");
    CHECK_THAT(calls.said[0].first, Catch::StartsWith("Question 1 of 14. Moving around."));
    CHECK_THAT(calls.said[0].first, Catch::Contains("from 1, a lot to improve, to 7, very little to improve"));
    CHECK(kiosk.state().screen == Screen::question);  // reading changes nothing on screen
    const int stops_before = calls.stops;
    kiosk.tap("rating-3");
    CHECK(calls.stops == stops_before);  // answering does not cut it off
    kiosk.tap("next");
    CHECK(calls.stops == stops_before + 1);  // a new question does
    kiosk.tap("read-aloud");
    CHECK_THAT(calls.said.back().first, Catch::StartsWith("Question 2 of 14. Public transport."));
}

TEST_CASE("read aloud on the fast lane reads every answer on offer") {
    TempFolder folder;
    HeadlessKiosk kiosk(folder.path(), 1280, 800, std::string(STREETVOICE_ASSETS_CAMPAIGNS) + "/demo-quick-poll.json");
    const auto& calls = kiosk.spoken();
    kiosk.tap("start-park-poll");
    kiosk.tap("read-aloud");
    REQUIRE(calls.said.size() == 1);
    const auto& activity = *kiosk.app().campaign().activity("park-poll");
    CHECK_THAT(calls.said[0].first, Catch::StartsWith(activity.poll.question.in("en")));
    for (const auto& answer : activity.poll.answers) CHECK_THAT(calls.said[0].first, Catch::Contains(answer.in("en")));
}

TEST_CASE("espeak-ng makes real, non-silent speech in English, Welsh, Polish, Urdu and Punjabi") {
    TempFolder folder;
    const std::pair<const char*, const char*> samples[] = {
        {"en", "Question 1 of 14. Moving around."},
        {"cy", "Cwestiwn 1 o 14. Symud o gwmpas."},
        {"pl", "Pytanie 1 z 14. Poruszanie się."},
        {"ur", "سوال 1 از 14"},
        {"pa", "ਸਵਾਲ 1 ਵਿੱਚੋਂ 14"},
    };
    for (const auto& [language, words] : samples) {
        INFO(language);
        const std::string wav = folder.file(std::string(language) + ".wav");
        REQUIRE(sv::speak_to_wav(words, language, wav).ok());
        const auto [loudness, seconds] = loudness_and_seconds(wav);
        CHECK(seconds > 0.5);
        CHECK(loudness > 300);  // of 32767: clearly not silence
    }
}

TEST_CASE("the system speaker starts speech without waiting for it, and stop ends it") {
    auto speaker = sv::make_system_speaker();
    std::string long_text;
    for (int i = 0; i < 40; ++i) long_text += "This sentence is read aloud while the screen carries on. ";
    REQUIRE(speaker->say(long_text, "en").ok());
    speaker->stop();
    CHECK_FALSE(speaker->speaking());
    // A second say replaces the first rather than queueing behind it.
    REQUIRE(speaker->say(long_text, "en").ok());
    REQUIRE(speaker->say("Short.", "en").ok());
    speaker->stop();
    CHECK_FALSE(speaker->speaking());
}
