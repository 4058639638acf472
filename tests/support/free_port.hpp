#pragma once
// A port nobody is using on 127.0.0.1 right now, for programs that want a number rather than
// 0 (chromedriver, haproxy). Another program could take it before they do; tests accept that.
namespace sv::test {

int free_loopback_port();

}  // namespace sv::test
