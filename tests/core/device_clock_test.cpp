// Times as devices write them, and what the hub takes as one.
#include <catch2/catch.hpp>

#include "device_clock.hpp"

TEST_CASE("a device time is exactly a UTC ISO 8601 time, as the kiosk writes it") {
    CHECK(sv::is_utc_iso8601(sv::utc_now_iso8601()));
    for (const char* good :
         {"2026-11-22T10:05:00Z", "2026-11-22T10:05:00.123Z", "1970-01-01T00:00:00.000000001Z", "2016-12-31T23:59:60Z"})
        CHECK(sv::is_utc_iso8601(good));
    for (const char* bad :
         {"", "2026-11-22", "2026-11-22T10:05:00", "2026-11-22T10:05:00+01:00", "2026-11-22 10:05:00Z",
          "2026-13-22T10:05:00Z", "2026-11-00T10:05:00Z", "2026-11-22T24:05:00Z", "2026-11-22T10:60:00Z",
          "2026-11-22T10:05:00.Z", "2026-11-22T10:05:00.12aZ", "2026-11-22T10:05:00.1234567890Z",
          "2026-11-22T10:05:00Z;votes", "+026-11-22T10:05:00Z", "2026-11-22T10:05:00ZZ"})
        CHECK_FALSE(sv::is_utc_iso8601(bad));
    CHECK(sv::is_iso8601_day("2026-11-22"));
    for (const char* bad : {"2026-11-22T10:05:00Z", "2026-1-22", "2026-11-32", "2026-00-10", "26-11-22", "2026/11/22"})
        CHECK_FALSE(sv::is_iso8601_day(bad));
}
