// How a simulated tablet finds the serving machine of the hall when its connection is lost
// (PROTOCOL.md §5 "Several machines"): the hall's addresses from the command line and from
// every hello's `servers`, tried in turn — the one it was on first — with a back-off after a
// full round, until one's hello names the same congress and congress key and says it serves.
#pragma once

#include <boost/asio/ip/tcp.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <plenum/crypto/sign.hpp>

#include "async_connection.hpp"
#include "fleet.hpp"
#include "hall_servers.hpp"

namespace plenum::clients::loadgen {

/// What a machine must show in its hello to be stayed with.
struct hall_identity {
  std::string congress_id;
  crypto::public_key congress_pk;  ///< the pinned key (never a standby's signing key)
};

/// Whether a hello is of the same hall and its machine serves: same congress_id and congress
/// key, `serving` not false.
[[nodiscard]] bool serves_this_hall(const async_connection& c, const hall_identity& hall);

/// Connects to the hall's machines in turn, starting with `from` (the one the connection was
/// on): each new connection's hello is checked (serves_this_hall; otherwise it is closed and
/// the next tried), its `servers` learnt, and the device authenticated with `key`. After a full
/// round without success it waits (250 ms doubling to 2 s, with jitter) and starts again, until
/// `until`. Calls `done` once, on a connection's strand: with the authenticated connection, or
/// with the last error and nullptr.
void find_serving(
    fleet& f, hall_servers& servers, const hall_identity& hall, const crypto::secret_key& key,
    boost::asio::ip::tcp::endpoint from, std::chrono::steady_clock::time_point until,
    std::function<void(boost::system::error_code, std::shared_ptr<async_connection>)> done);

}  // namespace plenum::clients::loadgen
