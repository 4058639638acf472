#include <catch2/catch.hpp>

#include "campaign.hpp"
#include "name_table.hpp"

namespace {

// Each of the enum's `count` values is in the table once, and its name reads back as it.
template <typename Enum, std::size_t N>
void check_every_value_spelled_once(const sv::Spelling<Enum> (&table)[N], int count) {
    REQUIRE(static_cast<int>(N) == count);
    for (int i = 0; i < count; ++i) {
        const auto value = static_cast<Enum>(i);
        int entries = 0;
        for (const auto& entry : table) entries += entry.value == value ? 1 : 0;
        CHECK(entries == 1);
        CHECK(sv::value_named(table, sv::name_of(table, value)) == value);
    }
}

}  // namespace

TEST_CASE("every name table spells each value once and reads back what it wrote") {
    check_every_value_spelled_once(sv::kActivityTypeNames, 4);
    check_every_value_spelled_once(sv::kBallotTypeNames, 4);
    check_every_value_spelled_once(sv::kEligibilityRuleNames, 4);
    check_every_value_spelled_once(sv::kVoterCodeHashingNames, 2);
}

TEST_CASE("a name not in the table stands for nothing, and the names list for an error sentence") {
    CHECK_FALSE(sv::value_named(sv::kBallotTypeNames, "Approval").has_value());
    CHECK_FALSE(sv::value_named(sv::kBallotTypeNames, "").has_value());
    CHECK(sv::value_named(sv::kEligibilityRuleNames, "staff-issued") == sv::EligibilityRule::staff_issued);
    CHECK(sv::names_listed(sv::kVoterCodeHashingNames) == "\"blake2b\" or \"argon2id\"");
    CHECK(sv::names_listed(sv::kBallotTypeNames) == "\"approval\", \"knapsack\", \"ranked\" or \"cumulative\"");
}
