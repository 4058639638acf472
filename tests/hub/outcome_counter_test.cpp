// The hub's counter of budget outcomes, in-process: pages get the last finished count at once,
// marked old while a newer one runs, and stopping ends a count under way.
#include <atomic>
#include <catch2/catch.hpp>
#include <future>
#include <thread>

#include "outcome_counter.hpp"

namespace {

sv::BudgetResults counted(int ballots) {
    sv::BudgetResults results;
    results.activity_id = "budget";
    results.ballots = ballots;
    return results;
}

}  // namespace

TEST_CASE("counter: a page gets the last finished count, marked old while a newer one runs") {
    sv::OutcomeCounter counter;
    std::promise<void> first_may_finish, second_may_finish;
    auto first = first_may_finish.get_future().share();
    auto second = second_may_finish.get_future().share();

    counter.request("vote", 1, [first](const sv::CountStop&) -> sv::Result<sv::BudgetResults> {
        first.wait();
        return counted(1);
    });
    // Nothing has finished: nothing to show, and asking does not wait past what it is given.
    CHECK_FALSE(counter.latest("vote", 1, std::chrono::milliseconds(0)).finished);
    first_may_finish.set_value();
    auto done = counter.latest("vote", 1, std::chrono::seconds(30));
    REQUIRE(done.finished);
    CHECK(done.current);
    CHECK(done.finished->value().ballots == 1);

    // Asking again for the same ballots counts nothing again.
    std::atomic<bool> counted_again{false};
    counter.request("vote", 1, [&counted_again](const sv::CountStop&) -> sv::Result<sv::BudgetResults> {
        counted_again = true;
        return counted(0);
    });
    counter.request("vote", 2, [second](const sv::CountStop&) -> sv::Result<sv::BudgetResults> {
        second.wait();
        return counted(2);
    });
    auto meanwhile = counter.latest("vote", 2, std::chrono::milliseconds(0));
    REQUIRE(meanwhile.finished);
    CHECK_FALSE(meanwhile.current);  // shown as "being recounted"
    CHECK(meanwhile.finished->value().ballots == 1);
    second_may_finish.set_value();
    auto newest = counter.latest("vote", 2, std::chrono::seconds(30));
    CHECK(newest.current);
    CHECK(newest.finished->value().ballots == 2);
    CHECK_FALSE(counted_again);
}

TEST_CASE("counter: stopping ends a count under way at its next round") {
    sv::OutcomeCounter counter;
    std::promise<void> started;
    auto running = started.get_future();
    std::promise<bool> saw_stop;
    auto stopped_count = saw_stop.get_future();
    counter.request("vote", 1, [&](const sv::CountStop& stop) -> sv::Result<sv::BudgetResults> {
        started.set_value();
        while (!stop.now()) std::this_thread::yield();  // a count's rounds, each asking
        saw_stop.set_value(true);
        return sv::Error{"stopped"};
    });
    running.wait();
    counter.request_stop();  // as the hub's signal handler does
    counter.stop();
    CHECK(stopped_count.get());
    CHECK_FALSE(counter.latest("vote", 1, std::chrono::milliseconds(0)).finished);
}
