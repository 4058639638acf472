#include <catch2/catch.hpp>

#include "ballot_chain.hpp"

namespace {

sv::Response a_response() {
    return {"u-1", "riverside", 2, "budget", "event-1", "kiosk-1", "2026-11-30T10:00:00.000Z", R"({"chosen":["p1"]})"};
}

}  // namespace

TEST_CASE("a chain link changes with the link before it and with every field of the answer") {
    const sv::Response r = a_response();
    const std::string link = sv::chain_link(sv::kChainStart, r);
    CHECK(link.size() == 64);
    CHECK(link == sv::chain_link(sv::kChainStart, r));  // the same answer, the same link
    CHECK(sv::chain_link(link, r) != link);
    for (int field = 0; field < 8; ++field) {
        sv::Response changed = r;
        switch (field) {
            case 0: changed.uuid += "x"; break;
            case 1: changed.campaign_id += "x"; break;
            case 2: changed.campaign_version += 1; break;
            case 3: changed.activity_id += "x"; break;
            case 4: changed.event_id += "x"; break;
            case 5: changed.device_id += "x"; break;
            case 6: changed.device_time += "x"; break;
            case 7: changed.payload = R"({"chosen":["p2"]})"; break;
        }
        INFO("field " << field);
        CHECK(sv::chain_link(sv::kChainStart, changed) != link);
    }
    // Moving text from one field to the next is a different answer too.
    sv::Response shifted = r;
    shifted.campaign_id = "riversid";
    shifted.uuid = "u-1e";
    CHECK(sv::chain_link(sv::kChainStart, shifted) != link);
}

TEST_CASE("a chain head is three groups of four letters and digits staff can copy without confusing them") {
    CHECK(sv::chain_head_code(sv::kChainStart) == "0000-0000-0000");
    CHECK(sv::chain_head_code(std::string(64, 'f')) == "ZZZZ-ZZZZ-ZZZZ");
    const std::string code = sv::chain_head_code(sv::chain_link(sv::kChainStart, a_response()));
    REQUIRE(code.size() == 14);
    for (char c : code) CHECK(std::string("0123456789ABCDEFGHJKMNPQRSTVWXYZ-").find(c) != std::string::npos);
}
