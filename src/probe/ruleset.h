// Snapshot of a namespace's nftables ruleset as JSON (what `nft -j -a list ruleset` prints).
#pragma once

#include <string>

namespace nt {

class NetnsHandle;

// The ruleset of `ns` (nullptr: the calling thread's namespace), as libnftables JSON with rule
// handles, so trace records' rule handles can be looked up in it.
//
// Our own trace tables (inet tables named NftTraceTable::kNamePrefix + ...) are stripped from
// the JSON rather than avoided by listing before they exist: the snapshot may be taken at any
// time during a recording (a refresh, a second session), and any nft-tracer table is an
// artefact of observation, not part of the user's firewall. Pass includeTracerTables = true to
// keep them.
//
// Throws nt::Error when the namespace cannot be entered or nf_tables refuses the listing.
std::string readRulesetJson(const NetnsHandle *ns, bool includeTracerTables = false);

// Removes every object that belongs to an nft-tracer table (the table itself and its chains,
// rules, sets, ...) from libnftables JSON output. Returns compact JSON. Throws nt::Error when
// the input is not libnftables JSON.
std::string stripTracerTables(const std::string &json);

} // namespace nt
