// Private to plenum_protocol: a message states its fields once, as a table of entries (wire
// name, member, codec with its limits), and one generic decoder and one generic encoder work
// from the table. The decoder is strict: it refuses a member not in the table, then reads the
// entries in table order, so the first refusal (its code, path and reason) is the same as a
// hand-written decoder reading the fields in that order. The encoder writes the entries in the
// same order. Pure; thread-safe.
#pragma once

#include <array>
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <boost/json/value.hpp>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <variant>
#include <vector>

#include "plenum/crypto/bytes.hpp"
#include "plenum/crypto/sign.hpp"
#include "plenum/protocol/decode_error.hpp"
#include "plenum/protocol/envelope.hpp"
#include "plenum/protocol/fields.hpp"

namespace plenum::protocol::wire {

// ---- codecs: how one member is read from and written to the message object ----
// Each has `read(const object_reader&, std::string_view name) -> decoded<V>` and
// `write(boost::json::object&, std::string_view name, const V&)`.

/// A required string of min_bytes … max_bytes.
struct text {
  std::size_t max_bytes;
  std::size_t min_bytes = 1;
  [[nodiscard]] decoded<std::string> read(const object_reader& r, std::string_view name) const {
    return r.string(name, max_bytes, min_bytes);
  }
  static void write(boost::json::object& out, std::string_view name, const std::string& v) {
    out.emplace(name, v);
  }
};

/// An optional non-empty string: absent is nullopt.
struct optional_text {
  std::size_t max_bytes;
  [[nodiscard]] decoded<std::optional<std::string>> read(const object_reader& r,
                                                         std::string_view name) const {
    return r.optional_string(name, max_bytes);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::optional<std::string>& v) {
    if (v) out.emplace(name, *v);
  }
};

/// An optional non-empty string held as a string: absent is empty, and empty is not written.
struct text_or_empty {
  std::size_t max_bytes;
  [[nodiscard]] decoded<std::string> read(const object_reader& r, std::string_view name) const {
    auto v = r.optional_string(name, max_bytes);
    if (!v) return std::move(v).error();
    return std::move(*v).value_or(std::string());
  }
  static void write(boost::json::object& out, std::string_view name, const std::string& v) {
    if (!v.empty()) out.emplace(name, v);
  }
};

/// A required unsigned integer in [min, max].
struct number {
  std::uint64_t min = 0;
  std::uint64_t max = max_safe_integer;
  [[nodiscard]] decoded<std::uint64_t> read(const object_reader& r, std::string_view name) const {
    return r.u64(name, min, max);
  }
  static void write(boost::json::object& out, std::string_view name, std::uint64_t v) {
    out.emplace(name, v);
  }
};

/// An optional unsigned integer in [min, max]: absent is nullopt.
struct optional_number {
  std::uint64_t min = 0;
  std::uint64_t max = max_safe_integer;
  [[nodiscard]] decoded<std::optional<std::uint64_t>> read(const object_reader& r,
                                                           std::string_view name) const {
    return r.optional_u64(name, min, max);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::optional<std::uint64_t>& v) {
    if (v) out.emplace(name, *v);
  }
};

/// An optional unsigned integer in [min, max] held as a number: absent is 0, and 0 is not
/// written.
struct number_or_zero {
  std::uint64_t min = 0;
  std::uint64_t max = max_safe_integer;
  [[nodiscard]] decoded<std::uint64_t> read(const object_reader& r, std::string_view name) const {
    auto v = r.optional_u64(name, min, max);
    if (!v) return std::move(v).error();
    return v->value_or(0);
  }
  static void write(boost::json::object& out, std::string_view name, std::uint64_t v) {
    if (v != 0) out.emplace(name, v);
  }
};

/// A required boolean.
struct flag {
  [[nodiscard]] static decoded<bool> read(const object_reader& r, std::string_view name) {
    return r.boolean(name);
  }
  static void write(boost::json::object& out, std::string_view name, bool v) {
    out.emplace(name, v);
  }
};

/// An optional boolean: absent is false, and false is not written.
struct flag_or_false {
  [[nodiscard]] static decoded<bool> read(const object_reader& r, std::string_view name) {
    if (!r.has(name)) return false;
    return r.boolean(name);
  }
  static void write(boost::json::object& out, std::string_view name, bool v) {
    if (v) out.emplace(name, true);
  }
};

/// An Ed25519 public key in hex.
struct public_key {
  [[nodiscard]] static decoded<crypto::public_key> read(const object_reader& r,
                                                        std::string_view name) {
    return r.public_key(name);
  }
  static void write(boost::json::object& out, std::string_view name, const crypto::public_key& v) {
    out.emplace(name, v.hex());
  }
};

/// An Ed25519 signature in hex.
struct signature {
  [[nodiscard]] static decoded<crypto::signature> read(const object_reader& r,
                                                       std::string_view name) {
    return r.signature(name);
  }
  static void write(boost::json::object& out, std::string_view name, const crypto::signature& v) {
    out.emplace(name, v.hex());
  }
};

/// An optional Ed25519 signature in hex: absent is nullopt.
struct optional_signature {
  [[nodiscard]] static decoded<std::optional<crypto::signature>> read(const object_reader& r,
                                                                      std::string_view name) {
    if (!r.has(name)) return std::optional<crypto::signature>();
    auto v = r.signature(name);
    if (!v) return std::move(v).error();
    return std::optional<crypto::signature>(*v);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::optional<crypto::signature>& v) {
    if (v) out.emplace(name, v->hex());
  }
};

/// Exactly N bytes in hex.
template <std::size_t N>
struct fixed_hex {
  [[nodiscard]] static decoded<crypto::byte_array<N>> read(const object_reader& r,
                                                           std::string_view name) {
    return r.fixed_hex<N>(name);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const crypto::byte_array<N>& v) {
    out.emplace(name, crypto::to_hex(v));
  }
};

/// An optional N bytes in hex, held as its (lowercase) hex text.
template <std::size_t N>
struct optional_hex_text {
  [[nodiscard]] static decoded<std::optional<std::string>> read(const object_reader& r,
                                                                std::string_view name) {
    if (!r.has(name)) return std::optional<std::string>();
    auto bytes = r.fixed_hex<N>(name);
    if (!bytes) return std::move(bytes).error();
    return std::optional<std::string>(crypto::to_hex(*bytes));
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::optional<std::string>& v) {
    if (v) out.emplace(name, *v);
  }
};

/// A list of min_size … max_size non-empty strings of at most max_each_bytes; with
/// max_short_bytes, a longer element refuses the whole list ("a person number is too long").
struct names {
  std::size_t max_size;
  std::size_t max_each_bytes;
  std::size_t min_size = 0;
  std::size_t max_short_bytes = 0;
  [[nodiscard]] decoded<std::vector<std::string>> read(const object_reader& r,
                                                       std::string_view name) const;
  static void write(boost::json::object& out, std::string_view name,
                    const std::vector<std::string>& v);
};

/// A names list that may be absent: absent is empty, and empty is not written.
struct names_or_empty {
  names list;
  [[nodiscard]] decoded<std::vector<std::string>> read(const object_reader& r,
                                                       std::string_view name) const {
    if (!r.has(name)) return std::vector<std::string>{};
    return list.read(r, name);
  }
  static void write(boost::json::object& out, std::string_view name,
                    const std::vector<std::string>& v) {
    if (!v.empty()) names::write(out, name, v);
  }
};

/// A list of min_size … max_size values with their own element codec; with `distinct`, an
/// element equal to an earlier one is refused ("is listed twice").
template <typename V>
struct list_of {
  std::size_t max_size;
  std::size_t min_size;
  bool distinct;
  decoded<V> (*read_one)(const boost::json::value&, const field_path&);
  boost::json::value (*write_one)(const V&);

  [[nodiscard]] decoded<std::vector<V>> read(const object_reader& r, std::string_view name) const {
    auto items = r.array(name, max_size, min_size);
    if (!items) return std::move(items).error();
    const field_path at = r.path(name);
    auto out = read_each(items->get(), at, read_one);
    if (!out || !distinct) return out;
    for (std::size_t i = 0; i < out->size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if ((*out)[i] == (*out)[j]) return refuse(errc::invalid_field, at.at(i), "is listed twice");
      }
    }
    return out;
  }
  void write(boost::json::object& out, std::string_view name, const std::vector<V>& v) const {
    boost::json::array items;
    for (const auto& one : v) items.push_back(write_one(one));
    out.emplace(name, std::move(items));
  }
};

/// A value with its own codec (ballot, receipt, keygen message, …), read at the member's path.
template <typename V>
struct nested {
  decoded<V> (*read_value)(const boost::json::value&, const field_path&);
  boost::json::object (*write_value)(const V&);

  [[nodiscard]] decoded<V> read(const object_reader& r, std::string_view name) const {
    auto v = r.required(name);
    if (!v) return std::move(v).error();
    return read_value(v->get(), r.path(name));
  }
  void write(boost::json::object& out, std::string_view name, const V& v) const {
    out.emplace(name, write_value(v));
  }
};

/// A value with its own codec that may be absent: absent is nullopt, and nullopt is not written.
template <typename V>
struct optional_nested {
  decoded<V> (*read_value)(const boost::json::value&, const field_path&);
  boost::json::object (*write_value)(const V&);

  [[nodiscard]] decoded<std::optional<V>> read(const object_reader& r,
                                               std::string_view name) const {
    if (!r.has(name)) return std::optional<V>();
    auto v = nested<V>{read_value, write_value}.read(r, name);
    if (!v) return std::move(v).error();
    return std::optional<V>(std::move(*v));
  }
  void write(boost::json::object& out, std::string_view name, const std::optional<V>& v) const {
    if (v) out.emplace(name, write_value(*v));
  }
};

// ---- entries and tables ----

/// One member of T on the wire: its name, the member and its codec. A table may also hold an
/// entry of its own type with `name`, `read_into(const object_reader&, T&)` and
/// `write_from(boost::json::object&, const T&)`, for a wire member that fills several members
/// of a default-constructible T (import_roster's `membership`).
template <typename T, typename M, typename Codec>
struct field {
  std::string_view name;
  M T::*member;
  Codec codec;

  using value_type = M;

  [[nodiscard]] decoded<M> read(const object_reader& r) const { return codec.read(r, name); }
  [[nodiscard]] decoded<void> read_into(const object_reader& r, T& out) const {
    auto v = codec.read(r, name);
    if (!v) return std::move(v).error();
    out.*member = std::move(*v);
    return {};
  }
  void write_from(boost::json::object& out, const T& in) const {
    codec.write(out, name, in.*member);
  }
};

/// The entry for member `member` of T, named `name` on the wire, read and written by `codec`.
template <typename T, typename M, typename Codec>
[[nodiscard]] constexpr field<T, M, Codec> member(std::string_view name, M T::*m, Codec codec) {
  return {name, m, codec};
}

/// A message's table: its entries in wire order, and an optional check across members made
/// after every entry is read (its refusal is returned as is).
template <typename T, typename... Entries>
struct table {
  std::tuple<Entries...> entries;
  decoded<void> (*check)(const T&, const object_reader&) = nullptr;
};

/// The table of T from its entries.
template <typename T, typename... Entries>
[[nodiscard]] constexpr table<T, Entries...> fields(Entries... entries) {
  return {std::tuple<Entries...>(entries...)};
}

/// The same table with a check across members.
template <typename T, typename... Entries>
[[nodiscard]] constexpr table<T, Entries...> fields_checked(
    decoded<void> (*check)(const T&, const object_reader&), Entries... entries) {
  return {std::tuple<Entries...>(entries...), check};
}

/// Reads every entry of `t` from `r` in order into a T, stopping at the first refusal. A T that
/// cannot be default-constructed (it holds a key or a ballot) is built from one value per
/// entry, so its table lists its members in declaration order.
template <typename T, typename... Entries>
[[nodiscard]] decoded<T> read_entries(const object_reader& r, const table<T, Entries...>& t) {
  decoded<void> status;
  if constexpr (std::is_default_constructible_v<T>) {
    T out{};
    std::apply(
        [&](const auto&... e) {
          (void)((status = e.read_into(r, out), status.has_value()) && ...);
        },
        t.entries);
    if (!status) return std::move(status).error();
    return out;
  } else {
    auto step = [&](const auto& e, auto& slot) {
      auto v = e.read(r);
      if (!v) {
        status = std::move(v).error();
        return false;
      }
      slot.emplace(std::move(*v));
      return true;
    };
    return [&]<std::size_t... I>(std::index_sequence<I...>)->decoded<T> {
      std::tuple<std::optional<typename Entries::value_type>...> values;
      (void)(step(std::get<I>(t.entries), std::get<I>(values)) && ...);
      if (!status) return std::move(status).error();
      return T{std::move(*std::get<I>(values))...};
    }
    (std::index_sequence_for<Entries...>{});
  }
}

/// Decodes the members of `r` as a T under `t`: refuses an unknown member (invalid_field at
/// its name), then reads every entry in order, stopping at the first refusal, then makes the
/// table's check.
template <typename T, typename... Entries>
[[nodiscard]] decoded<T> decode_fields(const object_reader& r, const table<T, Entries...>& t) {
  auto known = std::apply([&r](const auto&... e) { return r.allow_only({e.name...}); }, t.entries);
  if (!known) return std::move(known).error();
  auto out = read_entries(r, t);
  if (!out || t.check == nullptr) return out;
  auto checked = t.check(*out, r);
  if (!checked) return std::move(checked).error();
  return out;
}

/// Writes the members of `in` under `t` into `out`, in table order.
template <typename T, typename... Entries>
void encode_fields(boost::json::object& out, const T& in, const table<T, Entries...>& t) {
  std::apply([&](const auto&... e) { (e.write_from(out, in), ...); }, t.entries);
}

// ---- families of messages ----

/// Names a message type T when asking for its table.
template <typename T>
struct tag {};

/// The requests of one std::variant, each with `static constexpr std::string_view type`, and
/// `Tables`, a class whose `static constexpr auto of(tag<T>)` gives the table of each.
template <typename Variant, typename Tables>
struct family;

template <typename... Ts, typename Tables>
struct family<std::variant<Ts...>, Tables> {
  using variant = std::variant<Ts...>;

  /// Whether `type` names one of the requests.
  [[nodiscard]] static bool is_type(std::string_view type) {
    for (const auto& d : decoders) {
      if (d.type == type) return true;
    }
    return false;
  }

  /// The type name of the request held.
  [[nodiscard]] static std::string_view type_of(const variant& r) {
    return std::visit([](const auto& m) { return std::decay_t<decltype(m)>::type; }, r);
  }

  /// Decodes the fields of frame `f` as the request its type names, into Message
  /// (`{id, body}`). Errors: unknown_message_type (field "type") for a type outside the family,
  /// and the refusals of the tables; each carries the frame's id.
  template <typename Message>
  [[nodiscard]] static decoded<Message> decode(const frame& f) {
    const field_path root;
    auto with_id = [&f](decode_error e) {
      e.request_id = f.id;
      return e;
    };
    for (const auto& d : decoders) {
      if (d.type != f.type) continue;
      auto body = d.decode(object_reader(f.fields, root));
      if (!body) return with_id(std::move(body).error());
      return Message{f.id.value_or(0), std::move(*body)};
    }
    return with_id(refuse(errc::unknown_message_type, root.child("type"),
                          "\"" + f.type + "\" is not a request type"));
  }

  /// The request frame `{"v":1,"id":id,"type":…, …fields}`.
  [[nodiscard]] static std::string encode(std::uint64_t id, const variant& r) {
    boost::json::object out;
    out.emplace("v", protocol_version);
    out.emplace("id", id);
    out.emplace("type", type_of(r));
    std::visit(
        [&out](const auto& m) {
          encode_fields(out, m, Tables::of(tag<std::decay_t<decltype(m)>>{}));
        },
        r);
    return boost::json::serialize(out);
  }

 private:
  template <typename T>
  static decoded<variant> decode_one(const object_reader& r) {
    static constexpr auto table = Tables::of(tag<T>{});
    auto v = decode_fields(r, table);
    if (!v) return std::move(v).error();
    return variant(std::in_place_type<T>, std::move(*v));
  }

  struct decoder {
    std::string_view type;
    decoded<variant> (*decode)(const object_reader&);
  };
  static constexpr std::array<decoder, sizeof...(Ts)> decoders{{{Ts::type, &decode_one<Ts>}...}};
};

}  // namespace plenum::protocol::wire
