#include "plenum/clients/verify/challenge.hpp"

#include <boost/json/parse.hpp>
#include <cctype>
#include <map>
#include <optional>

#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_manifest.hpp"
#include "plenum/protocol/codec_spoil.hpp"

namespace plenum::clients::verify {

namespace json = boost::json;

namespace {

// The Crockford reading of a typed code: upper case, no separators, I/L → 1, O → 0.
std::string crockford(std::string_view typed) {
  std::string out;
  for (char ch : typed) {
    if (ch == '-' || ch == ' ') continue;
    char c = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
    out.push_back(c);
  }
  return out;
}

const json::value* member(const json::object& o, std::string_view key) {
  return o.if_contains(key);
}

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = member(o, key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

struct vote_basis {
  std::string title;
  std::optional<crypto::manifest> manifest;
  std::optional<crypto::digest32> election_hash;
  std::optional<crypto::point> joint_key;
};

std::vector<std::string> words_of(const crypto::manifest& m, const crypto::ballot_choices& c) {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < m.contests.size() && i < c.size(); ++i) {
    std::string marked;
    for (std::size_t o = 0; o < m.contests[i].options.size() && o < c[i].size(); ++o) {
      if (c[i][o] == 0) continue;
      if (!marked.empty()) marked += "、";
      marked += m.contests[i].options[o].label;
    }
    lines.push_back(m.contests[i].title + ": " + (marked.empty() ? "（未选）" : marked));
  }
  return lines;
}

challenge_report open_one(const vote_basis& basis, const protocol::board_event& e,
                          const json::object& p) {
  challenge_report r;
  r.seq = e.seq;
  r.person = text_of(p, "person");
  auto fail = [&](std::string why) {
    r.problem = std::move(why);
    return r;
  };
  if (!basis.manifest || !basis.election_hash || !basis.joint_key)
    return fail("the vote was not opened before this ballot was spoiled");
  const auto* ballot = member(p, "ballot");
  const auto* nonces = member(p, "nonces");
  const auto* choices = member(p, "choices");
  if (ballot == nullptr || nonces == nullptr || choices == nullptr)
    return fail("ballot, nonces or choices missing");
  auto b = protocol::decode_ballot(*ballot);
  if (!b) return fail("the ballot does not decode: " + b.error().message());
  auto openings = protocol::decode_openings(*nonces);
  if (!openings) return fail("the nonces do not decode: " + openings.error().message());
  auto recorded = protocol::decode_choices(*choices);
  if (!recorded) return fail("the choices do not decode: " + recorded.error().message());
  const auto digest = crypto::ballot_digest(*b, *basis.election_hash);
  r.tracking_code_display = crypto::tracking_code_display(crypto::tracking_code(digest, b->sig));
  const auto check = crypto::check_spoiled_ballot(*basis.manifest, *basis.election_hash,
                                                  *basis.joint_key, {*b, *openings});
  if (check.status == crypto::spoil_status::bad_ballot)
    return fail(std::string(crypto::to_string(check.ballot)));
  if (check.status != crypto::spoil_status::ok)
    return fail(std::string(crypto::to_string(check.status)));
  if (check.choices != *recorded) return fail("the recorded choices are not what it encrypted");
  r.opened = true;
  r.lines = words_of(*basis.manifest, check.choices);
  return r;
}

}  // namespace

bool tracking_code_matches(std::string_view typed, const crypto::digest32& tracking_code) {
  if (typed.size() == 64) return typed == crypto::to_hex(tracking_code);
  const std::string want = crockford(crypto::tracking_code_display(tracking_code));
  const std::string got = crockford(typed);
  return !got.empty() && got == want;
}

std::vector<challenge_report> find_challenges(const record& rec, std::string_view vote_id,
                                              std::string_view tracking) {
  std::vector<challenge_report> out;
  vote_basis basis;
  for (const auto& e : rec.events) {
    if (e.sealed || e.payload.empty()) continue;
    if (e.type != "vote_created" && e.type != "vote_opened" && e.type != "ballot_spoiled") continue;
    boost::system::error_code ec;
    json::value parsed = json::parse(e.payload, ec);
    if (ec || !parsed.is_object()) continue;
    const json::object& p = parsed.as_object();
    if (text_of(p, "vote_id") != vote_id) continue;
    if (e.type == "vote_created") {
      basis.title = text_of(p, "title");
      if (const auto* m = member(p, "manifest")) {
        auto manifest = protocol::decode_manifest(*m);
        if (manifest) basis.manifest = std::move(*manifest);
      }
    } else if (e.type == "vote_opened") {
      basis.election_hash = crypto::from_hex_fixed<32>(text_of(p, "election_hash"));
      basis.joint_key = crypto::point::from_hex(text_of(p, "joint_key"));
    } else {
      auto code = crypto::from_hex_fixed<32>(text_of(p, "tracking_code"));
      if (!tracking.empty() && (!code || !tracking_code_matches(tracking, *code))) continue;
      challenge_report r = open_one(basis, e, p);
      r.vote_id = std::string(vote_id);
      r.vote_title = basis.title;
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace plenum::clients::verify
