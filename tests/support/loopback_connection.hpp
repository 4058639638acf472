#pragma once
// A plain TCP connection to a port on 127.0.0.1, for tests that speak raw bytes to the hub.

namespace sv::test {

// The connected socket, or -1.
int connect_to_loopback(int port);

}  // namespace sv::test
