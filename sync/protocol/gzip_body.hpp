#pragma once
// gzip for request bodies (the hub's HTTP library inflates them; uploads over a weak
// signal shrink about tenfold) and a bounded inflate for tests and the client.
#include <cstddef>
#include <string>

#include "result.hpp"

namespace sv {

std::string gzip_compress(const std::string& data);
// Refuses input that is not gzip, or that would inflate beyond `largest` bytes.
Result<std::string> gzip_inflate(const std::string& data, std::size_t largest);

}  // namespace sv
