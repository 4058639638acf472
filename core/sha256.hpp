#pragma once
// A file's SHA-256 in lower-case hex: how the hub names a campaign's pictures and how a
// kiosk checks one arrived whole and unchanged.
#include <string>
#include <string_view>

namespace sv {

std::string sha256_hex(std::string_view bytes);
// 64 lower-case hex digits (so it can name a file).
bool looks_like_sha256(std::string_view text);

}  // namespace sv
