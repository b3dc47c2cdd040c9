// A sitting's key ceremony as the scrutineer panel reads it: the get_ceremony reply
// (clients/web/app/src/scrutineer.tsx fetchCeremony), not the board. Small whatever the hall's
// size, where reading the board before each keygen and confirmation grows with every
// enrollment and check-in of the hall.
#pragma once

#include <string>

#include <boost/json/object.hpp>
#include <plenum/clients/board.hpp>
#include <plenum/clients/session.hpp>

namespace plenum::clients::loadgen {

/// Decodes the `ceremony` of a get_ceremony reply (server/src/service/hall_service_queries.cpp
/// ceremony_json) for `sitting_id`: the scrutineers in index order, the parameters made from
/// their keys, the congress id and k, the keygen messages by dealer and the confirmations.
/// Throws std::runtime_error naming the field that is missing or malformed, or a sitting other
/// than `sitting_id`.
[[nodiscard]] ceremony_record decode_ceremony_reply(const boost::json::object& reply,
                                                    const std::string& sitting_id);

/// Asks `s` for the ceremony of `sitting_id` and decodes it. Throws std::runtime_error on a
/// refusal or a malformed reply.
[[nodiscard]] ceremony_record fetch_ceremony(session& s, const std::string& sitting_id);

}  // namespace plenum::clients::loadgen
