// The synchronous side of a load-generator run: the secretary, chair and scrutineers, each a
// plenum_session with its own key, doing what they do in a sitting (plenum_session's roles).
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <plenum/clients/board.hpp>
#include <plenum/clients/key_store.hpp>
#include <plenum/clients/session.hpp>
#include <plenum/crypto/sign.hpp>

namespace plenum::clients::loadgen {

/// The PIN under which the simulated scrutineers seal their key shares.
inline constexpr std::string_view scrutineer_pin = "2468";

/// The secretary's one-time code from bootstrap-credentials.txt ("SE\t…\t…\tCODE" lines).
/// Throws std::runtime_error when it is missing.
[[nodiscard]] std::string secretary_code(const std::filesystem::path& bootstrap);

/// Connects and authenticates with `key`. Throws std::runtime_error naming `who` on failure.
[[nodiscard]] session connect_as(const server_address& a, const crypto::secret_key& key,
                                 const std::string& who);

/// Connects `s` again and authenticates it with the key it authenticated with before. A
/// blocking session reads nothing between its requests, so it answers none of the server's
/// pings while idle, and the server closes a WebSocket that has answered none for its idle
/// timeout (five minutes): a console idle through a long set-up or catch-up connects again
/// before it speaks. Throws std::runtime_error naming `who` on failure.
void connect_again(session& s, const std::string& who);

/// Sends a hall command; throws std::runtime_error with the server's code on refusal.
boost::json::object must_call(session& s, const protocol::hall_request& r, const std::string& what);

/// Enrolls `person` with `code` under a fresh key saved in `store`; returns the key. Throws
/// std::runtime_error on failure.
crypto::secret_key enroll_into(const server_address& a, const key_store& store,
                               const std::string& person, const std::string& code);

/// The secretary issues a code for each of `persons`, from `parallel` sessions at once.
/// Returns person → code; throws std::runtime_error on the first refusal.
[[nodiscard]] std::map<std::string, std::string> issue_codes(
    const server_address& a, const crypto::secret_key& secretary,
    const std::vector<std::string>& persons, unsigned parallel);

/// Reads the whole board with get_board pages of 500 and checks it as read_board does. (A
/// subscription from seq 0 makes the server queue every event at once, and a board of more
/// events than its per-connection send queue admits gets the connection closed.) Throws
/// std::runtime_error on failure.
[[nodiscard]] board_record read_board_paged(session& s);

/// Runs the key ceremony of `sitting` with scrutineers S1 … Sn (keys in `store`) and threshold
/// k: the chair starts it, each scrutineer deals, then each opens its shares and confirms
/// (sealing its share in `store`), each reading the ceremony with get_ceremony as the
/// scrutineer panel does. Throws std::runtime_error when a step fails.
void run_ceremony(const server_address& a, session& chair, const key_store& store,
                  const std::string& sitting, std::size_t n, std::size_t k);

}  // namespace plenum::clients::loadgen
