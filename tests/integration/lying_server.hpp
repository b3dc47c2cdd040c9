// A server that lies to clients, for the tests of what a client checks before it encrypts: a
// real TLS WebSocket endpoint on 127.0.0.1 that speaks just enough of the protocol (hello,
// enroll, auth, get_board, subscribe, cast_ballot) to serve a board the test composed —
// hash-chained and signed with a congress key the test holds, genuine or with a lie in it —
// and that records every request it receives.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <boost/json/object.hpp>
#include <plenum/crypto/ballot.hpp>
#include <plenum/crypto/sign.hpp>
#include <plenum/protocol/codec_board.hpp>
#include <plenum/protocol/events.hpp>

namespace plenum::tests {

/// How the server answers a cast_ballot.
enum class receipt_lie {
  none,           ///< appends the ballot_accepted event and signs a true receipt
  forged,         ///< a receipt whose signature is random bytes
  other_entry,    ///< a signed receipt naming an existing entry that is not the ballot
  other_tracking  ///< a signed receipt for another tracking code
};

/// A board under construction: events appended are chained and signed with `congress`.
class signed_board {
 public:
  explicit signed_board(crypto::secret_key congress) : congress_(std::move(congress)) {}
  /// Appends `event`, encoded as the log stores it; returns its seq.
  std::uint64_t append(const protocol::congress_event& event);
  [[nodiscard]] const std::vector<protocol::board_event>& events() const { return events_; }
  [[nodiscard]] const crypto::secret_key& congress() const { return congress_; }

 private:
  crypto::secret_key congress_;
  std::vector<protocol::board_event> events_;
};

/// The lying server. Serves one connection at a time on a thread of its own; thread-safe.
class lying_server {
 public:
  /// Listens on an ephemeral port with a fresh self-signed certificate; `hello_key` is the
  /// congress key named in hello, `board` what get_board serves and cast_ballot extends.
  /// `election_hash` is the one the server computes tracking codes with.
  lying_server(std::string congress_id, crypto::public_key hello_key, signed_board board,
               crypto::digest32 election_hash, receipt_lie lie = receipt_lie::none);
  ~lying_server();
  lying_server(const lying_server&) = delete;
  lying_server& operator=(const lying_server&) = delete;

  [[nodiscard]] std::uint16_t port() const { return port_; }
  /// What get_roster_proof answers from now on: ok with `proof` as its "proof", or, for
  /// nullopt (the default), the error not_in_roster.
  void set_roster_proof(std::optional<boost::json::object> proof);
  /// The request types received so far, in order ("auth", "get_board", …).
  [[nodiscard]] std::vector<std::string> requests() const;
  /// Whether any request of `type` arrived.
  [[nodiscard]] bool received(std::string_view type) const;

 private:
  void run();
  [[nodiscard]] std::string answer(const std::string& text);

  std::string congress_id_;
  crypto::public_key hello_key_;
  signed_board board_;
  crypto::digest32 election_hash_;
  receipt_lie lie_;
  std::uint16_t port_ = 0;
  mutable std::mutex mutex_;
  std::vector<std::string> requests_;
  std::optional<boost::json::object> roster_proof_;
  std::atomic<bool> stopping_{false};
  struct impl;
  std::unique_ptr<impl> impl_;
  std::thread thread_;
};

}  // namespace plenum::tests
