#include "plenum/protocol/messages.hpp"

#include <array>
#include <boost/json/serialize.hpp>
#include <exception>
#include <new>
#include <type_traits>
#include <utility>

#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/fields.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

constexpr std::array<topic, 3> all_topics = {topic::board, topic::state, topic::results};

// ---- decoders of each request's fields ----

decoded<request> decode_auth(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"device_pk", "client_nonce", "signature"}));
  PLENUM_TRY(auto device_pk, r.public_key("device_pk"));
  PLENUM_TRY(auto client_nonce, r.fixed_hex<nonce_bytes>("client_nonce"));
  PLENUM_TRY(auto sig, r.signature("signature"));
  return request(auth_request{device_pk, client_nonce, sig});
}

decoded<request> decode_enroll(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"person", "code", "device_pk", "signature"}));
  PLENUM_TRY(auto person, r.string("person", max_name_bytes));
  PLENUM_TRY(auto code, r.string("code", max_code_bytes));
  PLENUM_TRY(auto device_pk, r.public_key("device_pk"));
  PLENUM_TRY(auto sig, r.signature("signature"));
  return request(enroll_request{std::move(person), std::move(code), device_pk, sig});
}

decoded<request> decode_ping(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({}));
  return request(ping_request{});
}

decoded<topic> decode_topic(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto name, read_string(v, at, max_name_bytes, 1));
  for (topic t : all_topics) {
    if (to_string(t) == name) return t;
  }
  return refuse(errc::invalid_field, at, "must be one of board, state, results");
}

decoded<request> decode_subscribe(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"topics", "since_seq"}));
  PLENUM_TRY(auto topics, r.array("topics", all_topics.size(), 1));
  PLENUM_TRY(auto names, read_each(topics.get(), r.path("topics"), decode_topic));
  for (std::size_t i = 0; i < names.size(); ++i) {
    for (std::size_t j = 0; j < i; ++j) {
      if (names[i] == names[j]) {
        return refuse(errc::invalid_field, r.path("topics").at(i), "is listed twice");
      }
    }
  }
  PLENUM_TRY(auto since_seq, r.optional_u64("since_seq"));
  return request(subscribe_request{std::move(names), since_seq});
}

decoded<request> decode_get_state(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({}));
  return request(get_state_request{});
}

decoded<request> decode_cast_ballot(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"vote_id", "ballot"}));
  PLENUM_TRY(auto vote_id, r.string("vote_id", max_name_bytes));
  PLENUM_TRY(auto text, r.required("ballot"));
  PLENUM_TRY(auto ballot, decode_ballot(text.get(), r.path("ballot")));
  if (ballot.vote_id != vote_id) {
    const field_path at = r.path("ballot");
    return refuse(errc::invalid_field, at.child("vote_id"), "must equal the request's vote_id");
  }
  return request(cast_ballot_request{std::move(vote_id), std::move(ballot)});
}

decoded<request> decode_checkin(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id", "unix_ms", "signature"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto unix_ms, r.u64("unix_ms"));
  PLENUM_TRY(auto sig, r.signature("signature"));
  return request(checkin_request{std::move(sitting_id), unix_ms, sig});
}

decoded<request> decode_keygen(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id", "message"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto text, r.required("message"));
  PLENUM_TRY(auto message, decode_keygen_message(text.get(), r.path("message")));
  return request(keygen_request{std::move(sitting_id), std::move(message)});
}

decoded<request> decode_confirm_key(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"sitting_id", "confirmation"}));
  PLENUM_TRY(auto sitting_id, r.string("sitting_id", max_name_bytes));
  PLENUM_TRY(auto text, r.required("confirmation"));
  PLENUM_TRY(auto confirmation, decode_key_confirmation(text.get(), r.path("confirmation")));
  return request(confirm_key_request{std::move(sitting_id), confirmation});
}

decoded<request> decode_partial(const object_reader& r) {
  PLENUM_CHECK(r.allow_only({"vote_id", "partial"}));
  PLENUM_TRY(auto vote_id, r.string("vote_id", max_name_bytes));
  PLENUM_TRY(auto text, r.required("partial"));
  PLENUM_TRY(auto partial, decode_partial_decryption(text.get(), r.path("partial")));
  return request(partial_decryption_request{std::move(vote_id), std::move(partial)});
}

struct request_decoder {
  std::string_view type;
  decoded<request> (*decode)(const object_reader&);
};

constexpr std::array<request_decoder, std::variant_size_v<request>> decoders = {{
    {auth_request::type, decode_auth},
    {enroll_request::type, decode_enroll},
    {ping_request::type, decode_ping},
    {subscribe_request::type, decode_subscribe},
    {get_state_request::type, decode_get_state},
    {cast_ballot_request::type, decode_cast_ballot},
    {checkin_request::type, decode_checkin},
    {keygen_request::type, decode_keygen},
    {confirm_key_request::type, decode_confirm_key},
    {partial_decryption_request::type, decode_partial},
}};

// ---- encoders of each request's fields ----

json::object fields_of(const auth_request& r) {
  json::object out;
  out.emplace("device_pk", r.device_pk.hex());
  out.emplace("client_nonce", crypto::to_hex(r.client_nonce));
  out.emplace("signature", r.sig.hex());
  return out;
}
json::object fields_of(const enroll_request& r) {
  json::object out;
  out.emplace("person", r.person);
  out.emplace("code", r.code);
  out.emplace("device_pk", r.device_pk.hex());
  out.emplace("signature", r.sig.hex());
  return out;
}
json::object fields_of(const ping_request&) { return {}; }
json::object fields_of(const subscribe_request& r) {
  json::array topics;
  for (topic t : r.topics) topics.push_back(json::string(to_string(t)));
  json::object out;
  out.emplace("topics", std::move(topics));
  if (r.since_seq) out.emplace("since_seq", *r.since_seq);
  return out;
}
json::object fields_of(const get_state_request&) { return {}; }
json::object fields_of(const cast_ballot_request& r) {
  json::object out;
  out.emplace("vote_id", r.vote_id);
  out.emplace("ballot", encode_ballot(r.ballot));
  return out;
}
json::object fields_of(const checkin_request& r) {
  json::object out;
  out.emplace("sitting_id", r.sitting_id);
  out.emplace("unix_ms", r.unix_ms);
  out.emplace("signature", r.sig.hex());
  return out;
}
json::object fields_of(const keygen_request& r) {
  json::object out;
  out.emplace("sitting_id", r.sitting_id);
  out.emplace("message", encode_keygen_message(r.message));
  return out;
}
json::object fields_of(const confirm_key_request& r) {
  json::object out;
  out.emplace("sitting_id", r.sitting_id);
  out.emplace("confirmation", encode_key_confirmation(r.confirmation));
  return out;
}
json::object fields_of(const partial_decryption_request& r) {
  json::object out;
  out.emplace("vote_id", r.vote_id);
  out.emplace("partial", encode_partial_decryption(r.partial));
  return out;
}

}  // namespace

std::string_view to_string(topic t) {
  switch (t) {
    case topic::board:
      return "board";
    case topic::state:
      return "state";
    case topic::results:
      return "results";
  }
  return "board";
}

std::string_view type_of(const request& r) {
  return std::visit([](const auto& m) { return std::decay_t<decltype(m)>::type; }, r);
}

bool is_request_type(std::string_view type) {
  for (const auto& d : decoders) {
    if (d.type == type) return true;
  }
  return false;
}

decoded<request_message> decode_request(const frame& f) {
  const field_path root;
  const std::uint64_t id = f.id.value_or(0);
  auto with_id = [&f](decode_error e) {
    e.request_id = f.id;
    return e;
  };
  for (const auto& d : decoders) {
    if (d.type != f.type) continue;
    auto body = d.decode(object_reader(f.fields, root));
    if (!body) return with_id(std::move(body).error());
    return request_message{id, std::move(*body)};
  }
  return with_id(refuse(errc::unknown_message_type, root.child("type"),
                        "\"" + f.type + "\" is not a request type"));
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
  json::object out;
  out.emplace("v", protocol_version);
  out.emplace("id", id);
  out.emplace("type", type_of(r));
  json::object fields = std::visit([](const auto& m) { return fields_of(m); }, r);
  for (auto& member : fields) out.emplace(member.key(), std::move(member.value()));
  return json::serialize(out);
}

std::string encode_hello(const hello& h) {
  json::object fields;
  fields.emplace("congress_id", h.congress_id);
  fields.emplace("server_nonce", crypto::to_hex(h.server_nonce));
  fields.emplace("congress_pk", h.congress_pk.hex());
  fields.emplace("server_unix_ms", h.server_unix_ms);
  return encode_push(hello::type, fields);
}

decoded<hello> decode_hello(const frame& f) {
  const field_path root;
  if (f.type != hello::type) {
    return refuse(errc::unknown_message_type, root.child("type"), "expected \"hello\"");
  }
  const object_reader r(f.fields, root);
  PLENUM_CHECK(r.allow_only({"congress_id", "server_nonce", "congress_pk", "server_unix_ms"}));
  PLENUM_TRY(auto congress_id, r.string("congress_id", max_name_bytes));
  PLENUM_TRY(auto server_nonce, r.fixed_hex<nonce_bytes>("server_nonce"));
  PLENUM_TRY(auto congress_pk, r.public_key("congress_pk"));
  PLENUM_TRY(auto server_unix_ms, r.u64("server_unix_ms"));
  return hello{std::move(congress_id), server_nonce, congress_pk, server_unix_ms};
}

}  // namespace plenum::protocol
