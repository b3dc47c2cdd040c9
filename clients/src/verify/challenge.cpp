#include "plenum/clients/verify/challenge.hpp"

#include <cctype>
#include <map>
#include <optional>

#include <variant>

#include "plenum/crypto/spoiled_ballot.hpp"
#include "plenum/protocol/events.hpp"

namespace plenum::clients::verify {

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
                          const protocol::events::ballot_spoiled& p) {
  challenge_report r;
  r.seq = e.seq;
  r.person = p.person;
  auto fail = [&](std::string why) {
    r.problem = std::move(why);
    return r;
  };
  if (!basis.manifest || !basis.election_hash || !basis.joint_key)
    return fail("the vote was not opened before this ballot was spoiled");
  const auto& b = p.ballot;
  const auto digest = crypto::ballot_digest(b, *basis.election_hash);
  r.tracking_code_display = crypto::tracking_code_display(crypto::tracking_code(digest, b.sig));
  const auto check = crypto::check_spoiled_ballot(*basis.manifest, *basis.election_hash,
                                                  *basis.joint_key, {b, p.nonces});
  if (check.status == crypto::spoil_status::bad_ballot)
    return fail(std::string(crypto::to_string(check.ballot)));
  if (check.status != crypto::spoil_status::ok)
    return fail(std::string(crypto::to_string(check.status)));
  if (check.choices != p.choices) return fail("the recorded choices are not what it encrypted");
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
  namespace ev = protocol::events;
  std::vector<challenge_report> out;
  vote_basis basis;
  for (const auto& e : rec.events) {
    if (e.sealed || e.payload.empty()) continue;
    if (e.type != ev::vote_created::type && e.type != ev::vote_opened::type &&
        e.type != ev::ballot_spoiled::type)
      continue;
    auto decoded = protocol::decode_event_payload(e.type, e.payload);
    if (!decoded) {
      // A challenged ballot that cannot be read may be the one asked for: shown as not opening.
      if (e.type != ev::ballot_spoiled::type) continue;
      challenge_report r;
      r.vote_id = std::string(vote_id);
      r.vote_title = basis.title;
      r.seq = e.seq;
      r.problem = "the event does not decode: " + decoded.error().message();
      out.push_back(std::move(r));
      continue;
    }
    if (const auto* created = std::get_if<ev::vote_created>(&*decoded)) {
      if (created->vote_id != vote_id) continue;
      basis.title = created->title;
      basis.manifest = created->manifest;
    } else if (const auto* opened = std::get_if<ev::vote_opened>(&*decoded)) {
      if (opened->vote_id != vote_id) continue;
      basis.election_hash = opened->election_hash;
      basis.joint_key = opened->joint_key;
    } else if (const auto* spoiled = std::get_if<ev::ballot_spoiled>(&*decoded)) {
      if (spoiled->vote_id != vote_id) continue;
      if (!tracking.empty() && !tracking_code_matches(tracking, spoiled->tracking_code)) continue;
      challenge_report r = open_one(basis, e, *spoiled);
      r.vote_id = std::string(vote_id);
      r.vote_title = basis.title;
      out.push_back(std::move(r));
    }
  }
  return out;
}

}  // namespace plenum::clients::verify
