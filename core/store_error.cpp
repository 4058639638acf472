#include "store_error.hpp"

#include <sqlite3.h>

namespace sv {

Error store_error(int sqlite_code, const std::string& doing, const std::string& path, const std::string& detail) {
    const std::string could_not = "Could not " + doing + ": ";
    switch (sqlite_code & 0xff) {
        case SQLITE_FULL:
            return Error{could_not +
                         "the tablet's storage is full. Free some space, then try again. "
                         "Answers already saved are safe."};
        case SQLITE_READONLY:
        case SQLITE_PERM:
        case SQLITE_CANTOPEN:
            return Error{could_not + "the file " + path +
                         " cannot be written. Check that the storage is present and not read-only."};
        case SQLITE_CORRUPT:
        case SQLITE_NOTADB:
            return Error{could_not + "the file " + path +
                         " is damaged or is not a Streetvoice answers file. It has been left exactly as it is: "
                         "do not delete it, keep the tablet and ask for support to recover it."};
        case SQLITE_IOERR:
            return Error{could_not + "the tablet could not read or write its storage (" + detail +
                         "). Answers already saved are safe; try again, or restart the tablet."};
        case SQLITE_BUSY:
        case SQLITE_LOCKED:
            return Error{could_not + "the file " + path +
                         " is in use by another program. Is a second copy of the kiosk running?"};
        case SQLITE_NOMEM:
            return Error{could_not +
                         "the tablet ran out of memory. Restart the kiosk; answers already saved are safe."};
        default: return Error{could_not + "the answers file reported a problem (" + detail + ")."};
    }
}

}  // namespace sv
