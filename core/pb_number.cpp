#include "pb_number.hpp"

namespace sv {

std::optional<mpq_class> parse_pb_number(const std::string& text) {
    if (text.empty() || text.size() > 60) return std::nullopt;
    std::string digits;
    std::size_t decimals = 0;
    bool point = false;
    for (char c : text) {
        if (c == '.' && !point) {
            point = true;
        } else if (c >= '0' && c <= '9') {
            digits += c;
            if (point) ++decimals;
        } else {
            return std::nullopt;
        }
    }
    if (digits.empty() || (point && decimals == 0)) return std::nullopt;
    mpz_class numerator(digits, 10);
    mpz_class denominator;
    mpz_ui_pow_ui(denominator.get_mpz_t(), 10, decimals);
    mpq_class value(numerator, denominator);
    value.canonicalize();
    return value;
}

std::string format_pb_number(const mpq_class& value) {
    if (value.get_den() == 1) return value.get_num().get_str();
    // A terminating decimal: scale by 10 until whole.
    mpq_class scaled = value;
    std::size_t decimals = 0;
    while (scaled.get_den() != 1 && decimals < 40) {
        scaled *= 10;
        scaled.canonicalize();
        ++decimals;
    }
    std::string digits = scaled.get_num().get_str();
    if (digits.size() <= decimals) digits.insert(0, decimals - digits.size() + 1, '0');
    digits.insert(digits.size() - decimals, ".");
    return digits;
}

}  // namespace sv
