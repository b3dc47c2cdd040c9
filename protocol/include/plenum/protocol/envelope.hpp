// The frame around every message (PROTOCOL.md, "Envelope"). Every frame is one JSON object
// whose members are flat: the envelope members `v`, `id`, `type` beside the message's own.
//   request (client → server): {"v":1,"id":7,"type":"cast_ballot", …message fields}
//   reply   (server → client): {"v":1,"id":7,"type":"ok", …result fields}
//                              {"v":1,"id":7,"type":"error","code":"vote_not_open",
//                               "category":"failed_precondition","message":"…","field":"…"}
//   push    (server → client): {"v":1,"type":"board_events", …fields}   (no id)
// Pure functions; thread-safe.
#pragma once

#include <boost/json/object.hpp>
#include <boost/system/error_code.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "plenum/protocol/decode_error.hpp"
#include "plenum/protocol/strict_json.hpp"

namespace plenum::protocol {

/// The protocol version this library speaks; the only value of `v` it accepts.
inline constexpr std::uint64_t protocol_version = 1;

/// The longest message type or push topic name, in bytes.
inline constexpr std::size_t max_type_bytes = 64;

/// A frame whose envelope has been checked: the message's own members are in `fields`, the
/// envelope members removed. Owns its data.
struct frame {
  /// The request id a reply echoes; absent only on pushes.
  std::optional<std::uint64_t> id;
  /// The message type ("cast_ballot"), "ok", "error", or a push topic.
  std::string type;
  /// Every member other than `v`, `id` and `type`, in the order received.
  boost::json::object fields;
};

/// Parses a client request. Checks, in this order: the size limit (message_too_large), JSON
/// syntax, UTF-8, nesting and duplicate keys (malformed_message), that the frame is an object
/// (malformed_message), `v` present and an integer (invalid_field) equal to protocol_version
/// (unsupported_version), `id` an integer in 0…2^53−1 (invalid_field), `type` a string of 1 to
/// max_type_bytes bytes (invalid_field). Whether the type is known and its fields are right is
/// the message decoder's business (messages.hpp). A refusal carries the request id when `id`
/// was readable, so that the error reply can echo it. The frame's fields take their memory from
/// `storage` (an arena that outlives the frame, or the default).
[[nodiscard]] decoded<frame> parse_request(std::string_view text, const json_limits& limits = {},
                                           boost::json::storage_ptr storage = {});

/// Parses a server frame (a reply or a push) with the same checks, except that `id` is
/// optional. For clients and tests.
[[nodiscard]] decoded<frame> parse_server_frame(std::string_view text,
                                                const json_limits& limits = {});

/// The reply `{"v":1,"id":id,"type":"ok", …fields}`. Throws std::invalid_argument (a
/// programmer error) if `fields` has a member named v, id or type.
[[nodiscard]] std::string encode_ok(std::uint64_t id, const boost::json::object& fields = {});

/// The reply `{"v":1,"id":id,"type":"error","code":…,"category":…,"message":…}` with
/// `"field"` added when `field` is not empty; `id` is left out when unknown (a frame whose id
/// could not be read). `code` is normally a plenum::errc; other codes are sent as "internal".
[[nodiscard]] std::string encode_error(std::optional<std::uint64_t> id,
                                       boost::system::error_code code, std::string_view message,
                                       std::string_view field = {});

/// The error reply for a refused frame: its code, message() and field, and its request id.
[[nodiscard]] std::string encode_error(const decode_error& error);

/// The push `{"v":1,"type":topic, …fields}`. Throws std::invalid_argument if `fields` has a
/// member named v, id or type.
[[nodiscard]] std::string encode_push(std::string_view topic,
                                      const boost::json::object& fields = {});

}  // namespace plenum::protocol
