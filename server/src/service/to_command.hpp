// From decoded protocol requests to the domain's commands. The actor is never taken from a
// message: the caller supplies it from the authenticated session. Pure functions; thread-safe.
#pragma once

#include <optional>

#include "domain/commands.hpp"
#include "plenum/crypto/random.hpp"
#include "plenum/protocol/messages.hpp"
#include "plenum/protocol/messages_hall.hpp"

namespace plenum::server::service {

/// The command a session message asks for; nullopt for the messages that are not commands
/// (auth, ping, subscribe, get_state).
[[nodiscard]] std::optional<domain::command> to_command(const protocol::request& r);

/// The command a hall request asks for; nullopt for the queries (get_*). For
/// issue_enrollment_code the code and its salt are drawn from `random` here, so that the
/// reply can show the code once.
[[nodiscard]] std::optional<domain::command> to_command(const protocol::hall_request& r,
                                                        crypto::random_source& random);

}  // namespace plenum::server::service
