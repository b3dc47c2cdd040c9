// Private to plenum_protocol: the member codecs the event tables need beyond those of the
// requests (message_fields.hpp), each with the JSON type it writes for the event schema.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "message_fields.hpp"
#include "plenum/crypto/group.hpp"
#include "plenum/protocol/events.hpp"
#include "plenum/protocol/fields.hpp"
#include "plenum/protocol/rules.hpp"

namespace plenum::protocol::wire {

/// A string that may be empty (written even when empty).
struct any_text {
  std::size_t max_bytes;
  [[nodiscard]] decoded<std::string> read(const object_reader& r, std::string_view name) const {
    return r.string(name, max_bytes, 0);
  }
  static void write(boost::json::object& out, std::string_view name, const std::string& v) {
    out.emplace(name, v);
  }
};

/// An Ed25519 public key in hex, or "" for none (written either way).
struct key_or_empty {
  [[nodiscard]] static decoded<std::optional<crypto::public_key>> read(const object_reader& r,
                                                                       std::string_view name) {
    auto text = r.string(name, 64, 0);
    if (!text) return std::move(text).error();
    if (text->empty()) return std::optional<crypto::public_key>();
    auto key = r.public_key(name);
    if (!key) return std::move(key).error();
    return std::optional<crypto::public_key>(*key);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::optional<crypto::public_key>& v) {
    out.emplace(name, v ? v->hex() : std::string());
  }
};

/// An optional Ed25519 public key in hex: absent is nullopt.
struct optional_public_key {
  [[nodiscard]] static decoded<std::optional<crypto::public_key>> read(const object_reader& r,
                                                                       std::string_view name) {
    if (!r.has(name)) return std::optional<crypto::public_key>();
    auto key = r.public_key(name);
    if (!key) return std::move(key).error();
    return std::optional<crypto::public_key>(*key);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::optional<crypto::public_key>& v) {
    if (v) out.emplace(name, v->hex());
  }
};

/// A ristretto255 point in hex (the identity refused).
struct group_point {
  [[nodiscard]] static decoded<crypto::point> read(const object_reader& r, std::string_view name) {
    auto v = r.required(name);
    if (!v) return std::move(v).error();
    return read_point(v->get(), r.path(name), identity_rule::reject);
  }
  static void write(boost::json::object& out, std::string_view name, const crypto::point& v) {
    out.emplace(name, v.hex());
  }
};

/// An optional ristretto255 point in hex: absent is nullopt.
struct optional_group_point {
  [[nodiscard]] static decoded<std::optional<crypto::point>> read(const object_reader& r,
                                                                  std::string_view name) {
    if (!r.has(name)) return std::optional<crypto::point>();
    auto p = group_point::read(r, name);
    if (!p) return std::move(p).error();
    return std::optional<crypto::point>(*p);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::optional<crypto::point>& v) {
    if (v) out.emplace(name, v->hex());
  }
};

/// Optional N bytes in hex: absent is nullopt.
template <std::size_t N>
struct optional_fixed_hex {
  [[nodiscard]] static decoded<std::optional<crypto::byte_array<N>>> read(const object_reader& r,
                                                                          std::string_view name) {
    if (!r.has(name)) return std::optional<crypto::byte_array<N>>();
    auto bytes = r.fixed_hex<N>(name);
    if (!bytes) return std::move(bytes).error();
    return std::optional<crypto::byte_array<N>>(*bytes);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::optional<crypto::byte_array<N>>& v) {
    if (v) out.emplace(name, crypto::to_hex(*v));
  }
};

/// A vote kind by name (motion, election, appraisal, confidence, satisfaction).
struct vote_kind_name {
  [[nodiscard]] static decoded<vote_kind> read(const object_reader& r, std::string_view name) {
    auto text = r.string(name, 32, 1);
    if (!text) return std::move(text).error();
    auto kind = parse_vote_kind(*text);
    if (!kind)
      return refuse(errc::invalid_field, r.path(name),
                    "must be motion, election, appraisal, confidence or satisfaction");
    return *kind;
  }
  static void write(boost::json::object& out, std::string_view name, vote_kind v) {
    out.emplace(name, to_string(v));
  }
};

/// A list of values with their own element codec, written even when empty; with
/// `absent_if_empty`, an empty list is neither written nor required.
template <typename V>
struct list_codec {
  std::size_t max_size;
  decoded<V> (*read_one)(const boost::json::value&, const field_path&);
  boost::json::value (*write_one)(const V&);
  std::string_view element_type;
  bool absent_if_empty = false;

  [[nodiscard]] decoded<std::vector<V>> read(const object_reader& r, std::string_view name) const {
    if (absent_if_empty && !r.has(name)) return std::vector<V>{};
    auto items = r.array(name, max_size, absent_if_empty ? 1 : 0);
    if (!items) return std::move(items).error();
    return read_each(items->get(), r.path(name), read_one);
  }
  void write(boost::json::object& out, std::string_view name, const std::vector<V>& v) const {
    if (absent_if_empty && v.empty()) return;
    boost::json::array items;
    items.reserve(v.size());
    for (const auto& one : v) items.push_back(write_one(one));
    out.emplace(name, std::move(items));
  }
};

/// A value with its own codec (ballot, manifest, …) written as any JSON value.
template <typename V, typename Json>
struct nested_value {
  decoded<V> (*read_value)(const boost::json::value&, const field_path&);
  Json (*write_value)(const V&);
  std::string_view schema_type;

  [[nodiscard]] decoded<V> read(const object_reader& r, std::string_view name) const {
    auto v = r.required(name);
    if (!v) return std::move(v).error();
    return read_value(v->get(), r.path(name));
  }
  void write(boost::json::object& out, std::string_view name, const V& v) const {
    out.emplace(name, write_value(v));
  }
};

/// A device key that the reader may hold already (`reading`, may be null): taken as that key
/// when it has the same bytes, else checked in full as public_key.
struct known_public_key {
  const ballot_event_reading* reading = nullptr;

  [[nodiscard]] decoded<crypto::public_key> read(const object_reader& r,
                                                 std::string_view name) const {
    if (reading != nullptr && reading->known) {
      auto bytes = r.fixed_hex<crypto::public_key::size>(name);
      if (!bytes) return std::move(bytes).error();
      if (const crypto::public_key* k = reading->known(*bytes)) return *k;
    }
    return r.public_key(name);
  }
  static void write(boost::json::object& out, std::string_view name, const crypto::public_key& v) {
    out.emplace(name, v.hex());
  }
};

/// A ballot read as `reading` asks (may be null): its voter_pk taken as a key the reader holds
/// (decode_ballot's known-voter overload), its option ciphertexts checked by the reader's
/// ballot_points_builder; otherwise as decode_ballot.
struct known_voter_ballot {
  const ballot_event_reading* reading = nullptr;

  [[nodiscard]] decoded<crypto::ballot> read(const object_reader& r, std::string_view name) const;
  static void write(boost::json::object& out, std::string_view name, const crypto::ballot& b);
};

// ---- the JSON type each codec writes, for the event schema ----

/// {"type": …, "optional": …} of a member written by `codec`.
struct schema_entry {
  std::string_view type;
  bool optional = false;
};

inline schema_entry schema_of(const text&) { return {"string"}; }
inline schema_entry schema_of(const any_text&) { return {"string"}; }
inline schema_entry schema_of(const number&) { return {"number"}; }
inline schema_entry schema_of(const flag&) { return {"boolean"}; }
inline schema_entry schema_of(const public_key&) { return {"string"}; }
inline schema_entry schema_of(const known_public_key&) { return {"string"}; }
inline schema_entry schema_of(const known_voter_ballot&) { return {"object"}; }
inline schema_entry schema_of(const signature&) { return {"string"}; }
inline schema_entry schema_of(const optional_signature&) { return {"string", true}; }
inline schema_entry schema_of(const key_or_empty&) { return {"string"}; }
inline schema_entry schema_of(const optional_public_key&) { return {"string", true}; }
inline schema_entry schema_of(const group_point&) { return {"string"}; }
inline schema_entry schema_of(const optional_group_point&) { return {"string", true}; }
inline schema_entry schema_of(const text_or_empty&) { return {"string", true}; }
inline schema_entry schema_of(const optional_text&) { return {"string", true}; }
inline schema_entry schema_of(const optional_number&) { return {"number", true}; }
inline schema_entry schema_of(const vote_kind_name&) { return {"string"}; }
inline schema_entry schema_of(const names&) { return {"string[]"}; }
inline schema_entry schema_of(const names_or_empty&) { return {"string[]", true}; }
template <std::size_t N>
schema_entry schema_of(const fixed_hex<N>&) {
  return {"string"};
}
template <std::size_t N>
schema_entry schema_of(const optional_fixed_hex<N>&) {
  return {"string", true};
}
template <typename V>
schema_entry schema_of(const list_codec<V>& c) {
  return {c.element_type, c.absent_if_empty};
}
template <typename V, typename Json>
schema_entry schema_of(const nested_value<V, Json>& c) {
  return {c.schema_type};
}

}  // namespace plenum::protocol::wire
