#include "audit_log.hpp"

#include <pwd.h>
#include <unistd.h>

#include <cstdio>

#include "device_clock.hpp"

namespace sv {

void audit(HubStore& store, const std::string& who, const std::string& action, const std::string& address) {
    if (auto added = store.add_audit_entry({0, utc_now_iso8601(), who, action, address}); !added)
        std::fprintf(stderr, "streetvoice-hub: could not add to the audit log (%s): %s %s\n",
                     added.error().message.c_str(), who.c_str(), action.c_str());
}

std::string command_line_user() {
    const passwd* user = getpwuid(geteuid());
    return "administrator (unix user " + (user ? std::string(user->pw_name) : std::to_string(geteuid())) + ")";
}

}  // namespace sv
