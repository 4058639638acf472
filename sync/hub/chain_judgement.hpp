#pragma once
// The hub's check of a batch against its device's chain of answers (ballot_chain.hpp): each
// response's content must still give its link, the link before it must be one the hub holds
// from that device (or the chain's start), and no other answer may already follow that link.
// What fails is refused and shown as an alarm for the device; nothing is silently counted.
#include <vector>

#include "hub_store.hpp"

namespace sv {

// One problem per response of `responses` (a batch, in the order the device stored them), given
// the entries the hub holds near the batch's links before (HubStore::chain_entries_near) and
// whether the device sent chained answers before. A response without a chain place is judged
// `none` only from a device that never sent one (a kiosk older than the chain), or when it is
// an answer about the person, which kiosks keep out of the chain.
std::vector<ChainProblem> judge_chain(const std::vector<Response>& responses, const std::vector<ChainEntry>& held_near,
                                      bool device_keeps_chain);

// The links before of a batch's responses, for HubStore::chain_entries_near.
std::vector<std::string> links_before(const std::vector<Response>& responses);

// Why a response was refused for its chain, as staff at the tablet read it.
std::string chain_problem_sentence(ChainProblem problem);
// The same for an organiser on the dashboard, short.
std::string chain_problem_words(ChainProblem problem);

}  // namespace sv
