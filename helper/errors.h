// Named D-Bus errors of the helper: clients tell failures apart by these names.
#pragma once

namespace nt::helper::errors {

// polkit said no, no agent could ask for the password, or polkit could not be asked.
constexpr const char *kNotAuthorized = "io.github.nfttracer.Error.NotAuthorized";
// An option with an unknown name, a wrong type or out of range; a foreign or unknown session.
constexpr const char *kInvalidOption = "io.github.nfttracer.Error.InvalidOption";
// The caller already has a session, or the helper is at its session or request limit.
constexpr const char *kBusy = "io.github.nfttracer.Error.Busy";
// Setting up or reading failed (the message says what and what to do).
constexpr const char *kFailed = "io.github.nfttracer.Error.Failed";

} // namespace nt::helper::errors
