#pragma once
// Exact numbers for participatory budgeting: money and shares as GMP rationals, because
// real outcomes turn on exact ties that floating point would break.
#include <gmpxx.h>

#include <optional>
#include <string>

namespace sv {

// "1011308", "7200.50", "0.5": a non-negative decimal. Nothing else (no signs, exponents
// or thousands separators).
std::optional<mpq_class> parse_pb_number(const std::string& text);
// Writes a number parsed by parse_pb_number back in the same plain decimal form.
std::string format_pb_number(const mpq_class& value);

}  // namespace sv
