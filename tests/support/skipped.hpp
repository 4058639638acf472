#pragma once
// A test that cannot run here (it needs root to mount a disk) says so, and ctest reports it
// as skipped rather than passed: SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt.
#include <iostream>
#include <string>

namespace sv::test {

inline void report_skipped(const std::string& why) {
    std::cout << "SKIPPED: " << why << std::endl;
}

}  // namespace sv::test
