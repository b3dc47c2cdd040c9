#include "plenum/protocol/codec_spoil.hpp"

#include <boost/json/object.hpp>

#include "plenum/protocol/fields.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

decoded<crypto::option_opening> decode_opening(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"r", "v"}));
  PLENUM_TRY(auto nonce, r.scalar("r"));
  PLENUM_TRY(auto value, r.u64("v", 0, 1));
  return crypto::option_opening{nonce, static_cast<std::uint8_t>(value)};
}

decoded<std::uint8_t> decode_mark(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto mark, read_u64(v, at, 0, 1));
  return static_cast<std::uint8_t>(mark);
}

decoded<std::vector<std::uint8_t>> decode_choice_row(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto marks, read_array(v, at, crypto::max_options, 1));
  return read_each(marks.get(), at, decode_mark);
}

}  // namespace

decoded<std::vector<crypto::option_opening>> decode_contest_openings(const json::value& v,
                                                                     const field_path& at) {
  PLENUM_TRY(auto items, read_array(v, at, crypto::max_options, 1));
  return read_each(items.get(), at, decode_opening);
}

json::value encode_contest_openings(const std::vector<crypto::option_opening>& openings) {
  json::array out;
  out.reserve(openings.size());
  for (const auto& o : openings) {
    json::object one;
    one.emplace("r", o.r.hex());
    one.emplace("v", o.value);
    out.push_back(std::move(one));
  }
  return out;
}

decoded<crypto::ballot_openings> decode_openings(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto contests, read_array(v, at, crypto::max_contests, 1));
  return read_each(contests.get(), at, decode_contest_openings);
}

json::array encode_openings(const crypto::ballot_openings& openings) {
  json::array out;
  out.reserve(openings.size());
  for (const auto& contest : openings) out.push_back(encode_contest_openings(contest));
  return out;
}

decoded<crypto::ballot_choices> decode_choices(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto rows, read_array(v, at, crypto::max_contests, 1));
  return read_each(rows.get(), at, decode_choice_row);
}

json::array encode_choices(const crypto::ballot_choices& choices) {
  json::array out;
  out.reserve(choices.size());
  for (const auto& row : choices) {
    json::array marks;
    for (std::uint8_t m : row) marks.emplace_back(m);
    out.push_back(std::move(marks));
  }
  return out;
}

}  // namespace plenum::protocol
