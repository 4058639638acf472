#include "budget_vote.hpp"

namespace sv {

int BudgetVote::max_choices() const {
    const int all = static_cast<int>(projects.size());
    return rules.max_choices > 0 && rules.max_choices < all ? rules.max_choices : all;
}

int BudgetVote::project_index(const std::string& id) const {
    for (std::size_t i = 0; i < projects.size(); ++i)
        if (projects[i].id == id) return static_cast<int>(i);
    return -1;
}

namespace {

std::string with_thousands(const std::string& digits) {
    std::string out;
    const std::size_t n = digits.size();
    for (std::size_t i = 0; i < n; ++i) {
        if (i > 0 && (n - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

}  // namespace

std::string format_money(const mpq_class& amount, const std::string& currency) {
    // Whole units, or two decimals when there are pence; rounded to the nearest penny.
    const mpq_class pennies_exact = abs(amount) * 100;
    mpz_class pennies = (pennies_exact.get_num() * 2 + pennies_exact.get_den()) / (pennies_exact.get_den() * 2);
    const mpz_class units = pennies / 100, cents = pennies % 100;
    std::string number = with_thousands(units.get_str());
    if (cents != 0) number += (cents < 10 ? ".0" : ".") + cents.get_str();
    const std::string sign = amount < 0 ? "-" : "";
    if (currency == "GBP") return sign + "\xC2\xA3" + number;
    if (currency == "EUR") return sign + "\xE2\x82\xAC" + number;
    if (currency == "USD") return sign + "$" + number;
    if (currency == "PLN") return sign + number + " z\xC5\x82";
    return sign + number + " " + currency;
}

}  // namespace sv
