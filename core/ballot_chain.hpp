#pragma once
// Each kiosk's answers form a chain: every stored response carries the hash of the response
// before it on that device together with its own content, so an answer changed, removed or
// slipped in afterwards (with sqlite3, say) breaks the chain where it happened, and the chain's
// head, written on the event sheet at close, pins down everything before it. The hash covers
// only what the response already holds: nothing in it names a person.
#include <string>

#include "response.hpp"

namespace sv {

// The link before a device's first response.
extern const char* const kChainStart;

// SHA-256 (hex) of `before` and the response's every field, each length-prefixed so no two
// different responses read alike; the payload as stored (canonical JSON, as the kiosk writes
// it and a hub that parsed it holds it).
std::string chain_link(const std::string& before, const Response& response);

// Whether `text` is a link as chain_link writes them: 64 lowercase hex digits.
bool is_chain_link(const std::string& text);

// A head staff can copy by hand: its first 60 bits in Crockford's base 32 (no I, L, O or U),
// as three groups of four, e.g. "7KQ2-M9XD-4HRT".
std::string chain_head_code(const std::string& link);

}  // namespace sv
