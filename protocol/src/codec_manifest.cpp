#include "plenum/protocol/codec_manifest.hpp"

#include <string>

#include "plenum/protocol/fields.hpp"
#include "try.hpp"

namespace plenum::protocol {

namespace json = boost::json;

namespace {

decoded<crypto::manifest_option> decode_option(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"option_id", "label"}));
  PLENUM_TRY(auto option_id, r.string("option_id", max_id_bytes));
  PLENUM_TRY(auto label, r.string("label", max_manifest_text_bytes));
  return crypto::manifest_option{std::move(option_id), std::move(label)};
}

decoded<crypto::manifest_contest> decode_contest(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"contest_id", "title", "min", "max", "options"}));
  crypto::manifest_contest out;
  PLENUM_TRY(out.contest_id, r.string("contest_id", max_id_bytes));
  PLENUM_TRY(out.title, r.string("title", max_manifest_text_bytes));
  PLENUM_TRY(out.min, r.u64("min", 0, crypto::max_options));
  PLENUM_TRY(out.max, r.u64("max", 0, crypto::max_options));
  PLENUM_TRY(auto options, r.array("options", crypto::max_options, 1));
  PLENUM_TRY(out.options, read_each(options.get(), r.path("options"), decode_option));
  return out;
}

decoded<crypto::position> decode_position(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto pair, read_array(v, at, 2, 2));
  PLENUM_TRY(auto contest, read_u64(pair.get()[0], at.at(0), 0, crypto::max_contests - 1));
  PLENUM_TRY(auto option, read_u64(pair.get()[1], at.at(1), 0, crypto::max_options - 1));
  return crypto::position{contest, option};
}

decoded<crypto::manifest_constraint> decode_constraint(const json::value& v, const field_path& at) {
  constexpr std::size_t max_positions = crypto::max_contests * crypto::max_options;
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"min", "max", "positions"}));
  crypto::manifest_constraint out;
  PLENUM_TRY(out.min, r.u64("min", 0, max_positions));
  PLENUM_TRY(out.max, r.u64("max", 0, max_positions));
  PLENUM_TRY(auto positions, r.array("positions", max_positions, 1));
  PLENUM_TRY(out.positions, read_each(positions.get(), r.path("positions"), decode_position));
  return out;
}

// The field a manifest problem is about, for the error's path.
std::string_view problem_field(crypto::manifest_problem problem) {
  switch (problem) {
    case crypto::manifest_problem::empty_vote_id:
      return "vote_id";
    case crypto::manifest_problem::no_positions:
    case crypto::manifest_problem::position_out_of_range:
    case crypto::manifest_problem::duplicate_position:
    case crypto::manifest_problem::bad_constraint_bounds:
      return "constraints";
    default:
      return "contests";
  }
}

}  // namespace

decoded<crypto::manifest> decode_manifest(const json::value& v, const field_path& at) {
  PLENUM_TRY(auto r, object_reader::of(v, at));
  PLENUM_CHECK(r.allow_only({"vote_id", "kind", "title", "contests", "constraints"}));
  crypto::manifest out;
  PLENUM_TRY(out.vote_id, r.string("vote_id", max_id_bytes));
  PLENUM_TRY(auto kind_text, r.string("kind", max_id_bytes));
  auto kind = crypto::parse_vote_kind(kind_text);
  if (!kind) {
    return refuse(errc::invalid_field, r.path("kind"),
                  "must be one of motion, election, appraisal, confidence, satisfaction");
  }
  out.kind = *kind;
  PLENUM_TRY(out.title, r.string("title", max_manifest_text_bytes));
  PLENUM_TRY(auto contests, r.array("contests", crypto::max_contests, 1));
  PLENUM_TRY(out.contests, read_each(contests.get(), r.path("contests"), decode_contest));
  PLENUM_TRY(auto constraints, r.array("constraints", crypto::max_constraints));
  PLENUM_TRY(out.constraints,
             read_each(constraints.get(), r.path("constraints"), decode_constraint));
  if (auto problem = crypto::check_manifest(out)) {
    return refuse(errc::invalid_vote, r.path(problem_field(*problem)), to_string(*problem));
  }
  return out;
}

json::object encode_manifest(const crypto::manifest& m) {
  json::array contests;
  contests.reserve(m.contests.size());
  for (const auto& c : m.contests) {
    json::array options;
    options.reserve(c.options.size());
    for (const auto& o : c.options) {
      options.push_back(json::object{{"option_id", o.option_id}, {"label", o.label}});
    }
    json::object contest;
    contest.emplace("contest_id", c.contest_id);
    contest.emplace("title", c.title);
    contest.emplace("min", c.min);
    contest.emplace("max", c.max);
    contest.emplace("options", std::move(options));
    contests.push_back(std::move(contest));
  }
  json::array constraints;
  constraints.reserve(m.constraints.size());
  for (const auto& q : m.constraints) {
    json::array positions;
    positions.reserve(q.positions.size());
    for (const auto& p : q.positions) {
      positions.push_back(json::array{p.contest_index, p.option_index});
    }
    json::object constraint;
    constraint.emplace("min", q.min);
    constraint.emplace("max", q.max);
    constraint.emplace("positions", std::move(positions));
    constraints.push_back(std::move(constraint));
  }
  json::object out;
  out.emplace("vote_id", m.vote_id);
  out.emplace("kind", crypto::to_string(m.kind));
  out.emplace("title", m.title);
  out.emplace("contests", std::move(contests));
  out.emplace("constraints", std::move(constraints));
  return out;
}

}  // namespace plenum::protocol
