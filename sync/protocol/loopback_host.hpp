#pragma once
// This machine's own addresses: the only place plain HTTP (and so a token in the clear) is allowed.
#include <string>

namespace sv {

inline bool is_loopback_host(const std::string& host) {
    return host == "127.0.0.1" || host == "::1" || host == "[::1]" || host == "localhost";
}

}  // namespace sv
