#include "plenum/protocol/messages.hpp"

#include <algorithm>
#include <array>
#include <exception>
#include <new>
#include <utility>

#include "message_fields.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/fields.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

constexpr std::array<topic, 5> all_topics = {topic::board, topic::basis, topic::course,
                                             topic::state, topic::results};
/// A subscription holds at most one of board, basis and course, state and results.
constexpr std::size_t max_topics = 3;

decoded<topic> decode_topic(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto name, read_string(v, at, max_name_bytes, 1));
  for (topic t : all_topics) {
    if (to_string(t) == name) return t;
  }
  return refuse(errc::invalid_field, at, "must be one of board, basis, course, state, results");
}

json::value encode_topic(const topic& t) { return json::string(to_string(t)); }

decoded<void> ballot_is_for_the_vote(const cast_ballot_request& m, const object_reader& r) {
  if (m.ballot.vote_id == m.vote_id) return {};
  const field_path at = r.path("ballot");
  return refuse(errc::invalid_field, at.child("vote_id"), "must equal the request's vote_id");
}

// The whole board, the board without ballots and the course are three ways of reading the
// same events: a subscription reads one of them.
decoded<void> board_or_basis(const subscribe_request& m, const object_reader& r) {
  const auto has = [&](topic t) {
    return std::find(m.topics.begin(), m.topics.end(), t) != m.topics.end();
  };
  if (int{has(topic::board)} + int{has(topic::basis)} + int{has(topic::course)} <= 1) return {};
  return refuse(errc::invalid_field, r.path("topics"), "board, basis and course are exclusive");
}

decoded<void> spoiled_ballot_is_for_the_vote(const spoil_ballot_request& m,
                                             const object_reader& r) {
  if (m.ballot.vote_id == m.vote_id) return {};
  const field_path at = r.path("ballot");
  return refuse(errc::invalid_field, at.child("vote_id"), "must equal the request's vote_id");
}

// hello's `serving`: absent (an older server) is true, and it is always written.
struct serving_flag {
  [[nodiscard]] static decoded<bool> read(const object_reader& r, std::string_view name) {
    if (!r.has(name)) return true;
    return r.boolean(name);
  }
  static void write(json::object& out, std::string_view name, bool v) { out.emplace(name, v); }
};

// hello's `signing_pk`: absent (an older server) is nullopt, which means the congress key.
struct optional_signing_key {
  [[nodiscard]] static decoded<std::optional<crypto::public_key>> read(const object_reader& r,
                                                                       std::string_view name) {
    if (!r.has(name)) return std::optional<crypto::public_key>();
    auto key = r.public_key(name);
    if (!key) return std::move(key).error();
    return std::optional<crypto::public_key>(*key);
  }
  static void write(json::object& out, std::string_view name,
                    const std::optional<crypto::public_key>& v) {
    if (v) out.emplace(name, v->hex());
  }
};

/// The most hall addresses a hello lists, and the longest of them.
constexpr std::size_t max_hall_servers = 16;
constexpr std::size_t max_hall_server_bytes = 256;

using wire::member;
using wire::tag;

// A ballot field. With `sender_key`, the ballot of a connection authenticated as that key: a
// voter_pk of its bytes is taken as it is (decode_ballot's overload), not checked again.
// With `points` too, the ballot's option ciphertexts are checked by it, which keeps their
// decodings.
struct ballot_field {
  const crypto::public_key* sender_key = nullptr;
  crypto::ballot_points_builder* points = nullptr;

  [[nodiscard]] decoded<crypto::ballot> read(const object_reader& r, std::string_view name) const {
    auto v = r.required(name);
    if (!v) return std::move(v).error();
    if (sender_key != nullptr && points != nullptr)
      return decode_ballot(v->get(), r.path(name), sender_key, points);
    if (sender_key != nullptr) return decode_ballot(v->get(), r.path(name), *sender_key);
    return decode_ballot(v->get(), r.path(name));
  }
  void write(json::object& out, std::string_view name, const crypto::ballot& b) const {
    out.emplace(name, encode_ballot(b));
  }
};

// Each message's fields, once.
struct session_tables {
  static constexpr auto of(tag<auth_request>) {
    return wire::fields<auth_request>(
        member("device_pk", &auth_request::device_pk, wire::public_key{}),
        member("client_nonce", &auth_request::client_nonce, wire::fixed_hex<nonce_bytes>{}),
        member("signature", &auth_request::sig, wire::signature{}));
  }
  static constexpr auto of(tag<enroll_request>) {
    return wire::fields<enroll_request>(
        member("person", &enroll_request::person, wire::text{max_name_bytes}),
        member("code", &enroll_request::code, wire::text{max_code_bytes}),
        member("device_pk", &enroll_request::device_pk, wire::public_key{}),
        member("signature", &enroll_request::sig, wire::signature{}),
        member("possession", &enroll_request::possession, wire::optional_signature{}));
  }
  static constexpr auto of(tag<ping_request>) { return wire::fields<ping_request>(); }
  static constexpr auto of(tag<subscribe_request>) {
    return wire::fields_checked<subscribe_request>(
        board_or_basis,
        member("topics", &subscribe_request::topics,
               wire::list_of<topic>{max_topics, 1, true, decode_topic, encode_topic}),
        member("since_seq", &subscribe_request::since_seq, wire::optional_number{}));
  }
  static constexpr auto of(tag<get_state_request>) { return wire::fields<get_state_request>(); }
  static constexpr auto of(tag<cast_ballot_request>, const crypto::public_key* sender_key = nullptr,
                           crypto::ballot_points_builder* points = nullptr) {
    return wire::fields_checked<cast_ballot_request>(
        ballot_is_for_the_vote,
        member("vote_id", &cast_ballot_request::vote_id, wire::text{max_name_bytes}),
        member("ballot", &cast_ballot_request::ballot, ballot_field{sender_key, points}));
  }
  static constexpr auto of(tag<spoil_ballot_request>,
                           const crypto::public_key* sender_key = nullptr) {
    return wire::fields_checked<spoil_ballot_request>(
        spoiled_ballot_is_for_the_vote,
        member("vote_id", &spoil_ballot_request::vote_id, wire::text{max_name_bytes}),
        member("ballot", &spoil_ballot_request::ballot, ballot_field{sender_key}),
        member(
            "nonces", &spoil_ballot_request::nonces,
            wire::list_of<std::vector<crypto::option_opening>>{
                crypto::max_contests, 1, false, decode_contest_openings, encode_contest_openings}));
  }
  static constexpr auto of(tag<checkin_request>) {
    return wire::fields<checkin_request>(
        member("sitting_id", &checkin_request::sitting_id, wire::text{max_name_bytes}),
        member("unix_ms", &checkin_request::unix_ms, wire::number{}),
        member("signature", &checkin_request::sig, wire::signature{}));
  }
  static constexpr auto of(tag<keygen_request>) {
    return wire::fields<keygen_request>(
        member("sitting_id", &keygen_request::sitting_id, wire::text{max_name_bytes}),
        member("message", &keygen_request::message,
               wire::nested<crypto::keygen_message>{decode_keygen_message, encode_keygen_message}));
  }
  static constexpr auto of(tag<confirm_key_request>) {
    return wire::fields<confirm_key_request>(
        member("sitting_id", &confirm_key_request::sitting_id, wire::text{max_name_bytes}),
        member("confirmation", &confirm_key_request::confirmation,
               wire::nested<key_confirmation>{decode_key_confirmation, encode_key_confirmation}));
  }
  static constexpr auto of(tag<partial_decryption_request>) {
    return wire::fields<partial_decryption_request>(
        member("vote_id", &partial_decryption_request::vote_id, wire::text{max_name_bytes}),
        member("partial", &partial_decryption_request::partial,
               wire::nested<crypto::partial_decryption>{decode_partial_decryption,
                                                        encode_partial_decryption}));
  }
  static constexpr auto of(tag<hello>) {
    return wire::fields<hello>(
        member("congress_id", &hello::congress_id, wire::text{max_name_bytes}),
        member("server_nonce", &hello::server_nonce, wire::fixed_hex<nonce_bytes>{}),
        member("congress_pk", &hello::congress_pk, wire::public_key{}),
        member("server_unix_ms", &hello::server_unix_ms, wire::number{}),
        member("serving", &hello::serving, serving_flag{}),
        member("servers", &hello::servers,
               wire::names_or_empty{wire::names{max_hall_servers, max_hall_server_bytes}}),
        member("signing_pk", &hello::signing_pk, optional_signing_key{}));
  }
};

using session_family = wire::family<request, session_tables>;

}  // namespace

std::string_view to_string(topic t) {
  switch (t) {
    case topic::board:
      return "board";
    case topic::basis:
      return "basis";
    case topic::state:
      return "state";
    case topic::results:
      return "results";
    case topic::course:
      return "course";
  }
  return "board";
}

std::string_view type_of(const request& r) { return session_family::type_of(r); }

bool is_request_type(std::string_view type) { return session_family::is_type(type); }

decoded<request_message> decode_request(const frame& f) {
  return session_family::decode<request_message>(f);
}

decoded<request_message> decode_request(const frame& f, const crypto::public_key& sender_key) {
  // The ballots, with their tables made for this sender; every other request as decode_request.
  auto decode_with = [&](const auto& table) -> decoded<request_message> {
    auto body = wire::decode_fields(object_reader(f.fields, field_path{}), table);
    if (!body) {
      auto e = std::move(body).error();
      e.request_id = f.id;
      return e;
    }
    return request_message{f.id.value_or(0), request(std::move(*body))};
  };
  if (f.type == cast_ballot_request::type) {
    // A cast ballot's points decoded once: checked here, and the decodings kept for its
    // verification.
    crypto::ballot_points_builder points;
    auto decoded =
        decode_with(session_tables::of(tag<cast_ballot_request>{}, &sender_key, &points));
    if (decoded) std::get<cast_ballot_request>(decoded->body).points = points.finish();
    return decoded;
  }
  if (f.type == spoil_ballot_request::type)
    return decode_with(session_tables::of(tag<spoil_ballot_request>{}, &sender_key));
  return decode_request(f);
}

decoded<request_message> decode_frame(std::string_view text, const json_limits& limits) noexcept {
  try {
    auto f = parse_request(text, limits);
    if (!f) return std::move(f).error();
    return decode_request(*f);
  } catch (...) {
    try {
      return refuse(errc::internal, "the frame could not be decoded");
    } catch (...) {
      // Not even the error could be built (memory exhaustion): nothing sensible is left.
      std::terminate();
    }
  }
}

std::string encode_request(std::uint64_t id, const request& r) {
  return session_family::encode(id, r);
}

std::string encode_hello(const hello& h) {
  json::object fields;
  wire::encode_fields(fields, h, session_tables::of(tag<hello>{}));
  return encode_push(hello::type, fields);
}

decoded<hello> decode_hello(const frame& f) {
  static constexpr auto table = session_tables::of(tag<hello>{});
  const field_path root;
  if (f.type != hello::type) {
    return refuse(errc::unknown_message_type, root.child("type"), "expected \"hello\"");
  }
  return wire::decode_fields(object_reader(f.fields, root), table);
}

}  // namespace plenum::protocol
