#define CATCH_CONFIG_RUNNER
#include <csignal>

#include <catch2/catch.hpp>

int main(int argc, char* argv[]) {
    // A hub that refuses a body closes the connection while the test's client may still be
    // sending: the send fails, as it does for any client, instead of killing the test run.
    std::signal(SIGPIPE, SIG_IGN);
    return Catch::Session().run(argc, argv);
}
