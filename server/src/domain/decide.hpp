// decide: the rules of the congress. Given the state, a command and its context, either the
// events to append or the specific error (plenum::errc) that refuses the command. Never
// changes the state. The caller serializes: lock; d = decide(…); for each draft: append to the
// log and apply the stored event; unlock.
#pragma once

#include "domain/commands.hpp"
#include "domain/context.hpp"
#include "domain/event.hpp"
#include "domain/state.hpp"
#include "plenum/protocol/error.hpp"

namespace plenum::server::domain {

/// Checks authorization (the actor's roles), preconditions and input, and returns the events
/// the command causes (see protocol/EVENTS.md). Pure: the same inputs give the same decision.
/// Thread-safe for concurrent calls on a state that no one is changing.
[[nodiscard]] result<decision> decide(const congress_state& state, const command& cmd,
                                      const context& ctx);

/// The actor behind a device key: the person it is enrolled to, with their roles. Fails with
/// errc::unknown_device_key if the key was never enrolled and errc::key_revoked if a later
/// enrollment replaced it.
[[nodiscard]] result<actor> authenticate(const congress_state& state,
                                         const crypto::public_key& device_key);

}  // namespace plenum::server::domain
