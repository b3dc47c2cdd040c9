#include "hash_vectors.hpp"

#include <boost/json/object.hpp>
#include <cstdint>
#include <limits>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "plenum/crypto/hash.hpp"

namespace plenum::test::vectors {

namespace json = boost::json;

namespace {

struct hex_part {
  crypto::byte_vector bytes;
};
using part = std::variant<std::string, std::uint64_t, hex_part>;

struct sample {
  std::string tag;
  std::vector<part> parts;
};

crypto::byte_vector counting_bytes(std::size_t size) {
  crypto::byte_vector out(size);
  for (std::size_t i = 0; i < size; ++i) out[i] = static_cast<std::uint8_t>(i);
  return out;
}

std::vector<sample> samples() {
  constexpr std::uint64_t max64 = std::numeric_limits<std::uint64_t>::max();
  return {
      {"t", {}},
      {"", {}},
      {"empty", {std::string(), hex_part{}, std::string()}},
      {"选举", {std::string("赞成"), std::string("关于修改党章部分条文的决议"), std::uint64_t{3}}},
      {"le64", {std::uint64_t{0}, std::uint64_t{1}, std::uint64_t{1} << 32, max64}},
      {"long", {hex_part{counting_bytes(300)}, std::string(256, 'a')}},
      {"ballot",
       {hex_part{counting_bytes(32)}, std::string("vote-1"),
        hex_part{crypto::byte_vector(32, 0xff)}, std::uint64_t{2},
        hex_part{crypto::byte_vector(64, 0)}}},
      {"result", {std::uint64_t{0}, std::string("{\"kind\":\"motion\"}"), max64 - 1}},
  };
}

json::object part_json(const part& p) {
  json::object out;
  if (const auto* text = std::get_if<std::string>(&p)) {
    out.emplace("str", *text);
  } else if (const auto* n = std::get_if<std::uint64_t>(&p)) {
    out.emplace("int", *n);
  } else {
    out.emplace("hex", crypto::to_hex(std::get<hex_part>(p).bytes));
  }
  return out;
}

void append(crypto::transcript& t, const part& p) {
  if (const auto* text = std::get_if<std::string>(&p)) {
    t.str(*text);
  } else if (const auto* n = std::get_if<std::uint64_t>(&p)) {
    t.u64(*n);
  } else {
    t.raw(std::get<hex_part>(p).bytes);
  }
}

}  // namespace

json::array hash_vectors() {
  json::array out;
  for (const sample& s : samples()) {
    crypto::transcript t(s.tag);
    json::array parts;
    for (const part& p : s.parts) {
      append(t, p);
      parts.push_back(part_json(p));
    }
    json::object entry;
    entry.emplace("tag", s.tag);
    entry.emplace("parts", std::move(parts));
    entry.emplace("H", crypto::to_hex(t.h()));
    entry.emplace("H32", crypto::to_hex(t.h32()));
    entry.emplace("Hs", t.hs().hex());
    out.push_back(std::move(entry));
  }
  return out;
}

}  // namespace plenum::test::vectors
