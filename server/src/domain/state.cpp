#include "domain/state.hpp"

#include <algorithm>
#include <array>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>

#include "domain/payload.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/result.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

constexpr std::array<std::string_view, 7> item_kind_names = {
    "report", "major_matter", "briefing", "proposal", "election", "appraisal", "other"};

crypto::public_key key_field(const json::object& o, std::string_view key) {
  auto k = crypto::public_key::from_hex(str_field(o, key));
  if (!k) throw malformed_payload("bad key: " + std::string(key));
  return *k;
}

crypto::point point_field(const json::object& o, std::string_view key) {
  auto p = crypto::point::from_hex(str_field(o, key));
  if (!p) throw malformed_payload("bad point: " + std::string(key));
  return *p;
}

std::vector<std::string> strings_field(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& v : arr_field(o, key)) out.push_back(as_str(v));
  return out;
}

// The result_digest inputs of vote `v` with the figures of its vote_decided payload.
crypto::result_record result_record_of(const vote& v, std::uint64_t seq_at_close,
                                       std::uint64_t ballots, std::uint64_t seated,
                                       std::uint64_t present, std::string rule,
                                       const std::vector<std::uint64_t>& counts,
                                       std::string outcome) {
  auto election_hash = crypto::from_hex_fixed<32>(v.election_hash);
  auto closed_hash = crypto::from_hex_fixed<32>(v.closed_hash);
  if (!election_hash || !closed_hash || seq_at_close != v.closed_seq)
    throw malformed_payload("vote_decided before the vote was opened and closed");
  crypto::result_record r;
  r.election_hash = *election_hash;
  r.board_seq_at_close = seq_at_close;
  r.board_hash_at_close = *closed_hash;
  r.ballots = ballots;
  r.seated = seated;
  r.present = present;
  r.rule = std::move(rule);
  r.counts = counts;
  r.outcome = std::move(outcome);
  return r;
}

template <typename Map>
auto& must_find(Map& map, const std::string& key) {
  auto it = map.find(key);
  if (it == map.end()) throw malformed_payload("unknown id " + key);
  return it->second;
}

}  // namespace

std::string_view to_string(item_kind kind) noexcept {
  return item_kind_names[static_cast<std::size_t>(kind)];
}

std::optional<item_kind> parse_item_kind(std::string_view text) noexcept {
  for (std::size_t i = 0; i < item_kind_names.size(); ++i)
    if (item_kind_names[i] == text) return static_cast<item_kind>(i);
  return std::nullopt;
}

const person* congress_state::find_person(std::string_view number) const {
  for (const auto& p : persons_)
    if (p.number == number) return &p;
  return nullptr;
}

const enrollment* congress_state::find_enrollment(std::string_view number) const {
  auto it = enrollments_.find(std::string(number));
  return it == enrollments_.end() ? nullptr : &it->second;
}

const device_record* congress_state::find_device(const crypto::public_key& key) const {
  auto it = devices_.find(key.hex());
  return it == devices_.end() ? nullptr : &it->second;
}

const sitting* congress_state::find_sitting(std::string_view id) const {
  auto it = sittings_.find(std::string(id));
  return it == sittings_.end() ? nullptr : &it->second;
}

const vote* congress_state::find_vote(std::string_view id) const {
  auto it = votes_.find(std::string(id));
  return it == votes_.end() ? nullptr : &it->second;
}

bool congress_state::is_delegate(std::string_view number) const {
  const person* p = find_person(number);
  return p != nullptr && p->roles.has(role::delegate);
}

std::vector<std::string> congress_state::seated(const sitting& s) const {
  std::vector<std::string> out;
  for (const auto& p : persons_)
    if (p.roles.has(role::delegate) && !s.excused.contains(p.number)) out.push_back(p.number);
  return out;
}

std::uint64_t congress_state::present_count(const sitting& s) const {
  std::uint64_t n = 0;
  for (const auto& [number, record] : s.present)
    if (is_delegate(number) && !s.excused.contains(number)) ++n;
  return n;
}

boost::system::result<void> congress_state::apply(const event& e) {
  if (e.seq != next_seq_) return errc::broken_chain;
  const crypto::digest32 entry_hash =
      crypto::entry_hash(e.seq, head_hash_, e.type, json::serialize(e.payload));
  try {
    apply_payload(e, entry_hash);
  } catch (const malformed_payload&) {
    return errc::internal;
  } catch (const std::out_of_range&) {
    return errc::internal;
  }
  ++next_seq_;
  head_hash_ = entry_hash;
  return {};
}

// Each branch reads every field it needs before it changes anything.
void congress_state::apply_payload(const event& e, const crypto::digest32& entry_hash) {
  const auto& p = e.payload;
  const std::string& t = e.type;
  if (t == "congress_created") {
    congress_info info{str_field(p, "congress_id"), str_field(p, "name"),
                       str_field(p, "term_start"), str_field(p, "term_end")};
    congress_ = std::move(info);
  } else if (t == "roster_imported") {
    std::vector<person> persons;
    for (const auto& v : arr_field(p, "persons")) persons.push_back(person_from_json(as_obj(v)));
    const auto& m = obj_field(p, "membership");
    membership_totals totals{u64_field(m, "members"), u64_field(m, "women"),
                             u64_field(m, "minority")};
    std::vector<roster_warning> warnings;
    for (const auto& v : arr_field(p, "warnings")) warnings.push_back(warning_from_json(as_obj(v)));
    persons_ = std::move(persons);
    membership_ = totals;
    warnings_ = std::move(warnings);
    warnings_acknowledged_ = warnings_.empty();
    // Enrollments of persons no longer on the roster lapse with their device keys.
    for (auto it = enrollments_.begin(); it != enrollments_.end();) {
      if (find_person(it->first) == nullptr) {
        for (auto& [key, device] : devices_)
          if (device.person == it->first) device.revoked = true;
        it = enrollments_.erase(it);
      } else {
        ++it;
      }
    }
  } else if (t == "roster_warnings_acknowledged") {
    warnings_acknowledged_ = true;
  } else if (t == "enrollment_code_issued") {
    const std::string number = str_field(p, "person");
    std::string salt = str_field(p, "salt");
    std::string hash = str_field(p, "code_hash");
    auto& en = enrollments_[number];
    en.code_salt = std::move(salt);
    en.code_hash = std::move(hash);
    en.code_spent = false;
    ++en.codes_issued;
  } else if (t == "device_enrolled") {
    const std::string number = str_field(p, "person");
    const auto key = key_field(p, "device_pk");
    auto& en = must_find(enrollments_, number);
    if (en.device_key) devices_[en.device_key->hex()].revoked = true;
    en.device_key = key;
    en.code_spent = true;
    devices_[key.hex()] = device_record{number, false};
  } else if (t == "sitting_created") {
    sitting s;
    s.id = str_field(p, "sitting_id");
    s.title = str_field(p, "title");
    s.date = str_field(p, "date");
    std::string id = s.id;
    sittings_.emplace(std::move(id), std::move(s));
  } else if (t == "checkin_opened" || t == "checkin_closed") {
    must_find(sittings_, str_field(p, "sitting_id")).checkin_open = t == "checkin_opened";
  } else if (t == "checked_in") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    checkin_record r;
    r.unix_ms = i64_field(p, "unix_ms");
    r.signature = str_field(p, "signature");
    r.assisted = bool_field(p, "assisted");
    r.signer_pk = r.assisted ? str_field(p, "secretary_pk") : str_field(p, "device_pk");
    if (r.assisted) r.reason = str_field(p, "reason");
    r.seq = e.seq;
    s.present[str_field(p, "person")] = std::move(r);
  } else if (t == "delegate_excused") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    excusal x{str_field(p, "reason"), str_field(p, "approver"), str_field(p, "recorded_by")};
    s.excused[str_field(p, "person")] = std::move(x);
  } else if (t == "excusal_withdrawn") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    if (s.excused.erase(str_field(p, "person")) == 0)
      throw malformed_payload("excusal_withdrawn: the delegate is not excused");
  } else if (t == "sitting_opened") {
    must_find(sittings_, str_field(p, "sitting_id")).state = sitting::status::open;
  } else if (t == "sitting_closed") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    s.state = sitting::status::closed;
    s.checkin_open = false;
  } else if (t == "item_added") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    agenda_item item;
    item.id = str_field(p, "item_id");
    auto kind = parse_item_kind(str_field(p, "kind"));
    if (!kind) throw malformed_payload("unknown item kind");
    item.kind = *kind;
    item.title = str_field(p, "title");
    item.order = i64_field(p, "order");
    item.responsible = str_field(p, "responsible");
    item.proposal_id = str_field(p, "proposal_id");
    if (!item.proposal_id.empty()) {
      auto& pr = must_find(proposals_, item.proposal_id);
      pr.sitting_id = s.id;
      pr.item_id = item.id;
    }
    std::string id = item.id;
    s.items.emplace(std::move(id), std::move(item));
  } else if (t == "material_added") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    auto& item = must_find(s.items, str_field(p, "item_id"));
    material m{str_field(p, "material_id"), str_field(p, "title"), str_field(p, "text"),
               str_field(p, "url"), str_field(p, "digest")};
    item.materials.push_back(std::move(m));
  } else if (t == "current_item_set") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    s.current_item = str_field(p, "item_id");
  } else if (t == "proposal_submitted") {
    proposal pr;
    pr.id = str_field(p, "proposal_id");
    pr.by = str_field(p, "by");
    pr.title = str_field(p, "title");
    pr.text = str_field(p, "text");
    pr.submitted_ms = i64_field(p, "unix_ms");
    std::string id = pr.id;
    proposals_.emplace(std::move(id), std::move(pr));
  } else if (t == "vote_created") {
    vote v;
    v.id = str_field(p, "vote_id");
    v.sitting_id = str_field(p, "sitting_id");
    v.item_id = str_field(p, "item_id");
    auto kind = protocol::parse_vote_kind(str_field(p, "kind"));
    if (!kind) throw malformed_payload("unknown vote kind");
    v.kind = *kind;
    v.title = str_field(p, "title");
    v.secret = bool_field(p, "secret");
    v.rule_text = str_field(p, "rule");
    auto rule = protocol::parse_rule(v.rule_text);
    if (!rule) throw malformed_payload("bad rule");
    v.rule = *rule;
    v.seats = static_cast<std::uint32_t>(u64_field(p, "seats"));
    v.candidates = strings_field(p, "candidates");
    v.uncontested = bool_field(p, "uncontested");
    v.follow_up_of = str_field(p, "follow_up_of");
    auto manifest = protocol::decode_manifest(field(p, "manifest"));
    if (!manifest) throw malformed_payload("bad manifest");
    v.manifest = std::move(*manifest);
    std::size_t positions = 0;
    for (const auto& contest : v.manifest.contests) positions += contest.options.size();
    v.aggregates = crypto::running_tally(positions);
    std::string id = v.id;
    votes_.emplace(std::move(id), std::move(v));
  } else if (t == "vote_opened") {
    auto& v = must_find(votes_, str_field(p, "vote_id"));
    const auto seated_count = u64_field(p, "seated");
    const auto present_count = u64_field(p, "present");
    auto eligible = strings_field(p, "eligible");
    auto roster = strings_field(p, "roster");
    std::string mh = str_field(p, "manifest_hash");
    std::string rh = str_field(p, "roster_hash");
    std::string eh = str_field(p, "election_hash");
    v.state = vote::status::open;
    v.seated = seated_count;
    v.present = present_count;
    v.eligible = std::move(eligible);
    v.roster = std::move(roster);
    v.manifest_hash = std::move(mh);
    v.roster_hash = std::move(rh);
    v.election_hash = std::move(eh);
    v.opened_seq = e.seq;
  } else if (t == "ballot_accepted") {
    auto& v = must_find(votes_, str_field(p, "vote_id"));
    ballot_record b;
    b.voter_pk = str_field(p, "voter_pk");
    b.ballot_id = str_field(p, "ballot_id");
    b.digest = str_field(p, "digest");
    b.tracking_code = str_field(p, "tracking_code");
    b.seq = e.seq;
    b.ballot = obj_field(p, "ballot");
    std::vector<std::string> alphas;
    std::vector<crypto::ciphertext> ciphertexts;
    for (const auto& c : arr_field(b.ballot, "contests")) {
      for (const auto& o : arr_field(as_obj(c), "options")) {
        auto alpha = crypto::point::from_hex(str_field(as_obj(o), "alpha"));
        auto beta = crypto::point::from_hex(str_field(as_obj(o), "beta"));
        if (!alpha || !beta) throw malformed_payload("a ballot that does not fit its vote");
        ciphertexts.push_back({*alpha, *beta});
        alphas.push_back(str_field(as_obj(o), "alpha"));
      }
    }
    if (!v.aggregates.add(ciphertexts))
      throw malformed_payload("a ballot that does not fit its vote");
    const std::string number = str_field(p, "person");
    v.ballot_ids.insert(b.ballot_id);
    for (auto& a : alphas) v.alphas.insert(std::move(a));
    v.ballots[number] = std::move(b);
  } else if (t == "ballot_spoiled") {
    auto& v = must_find(votes_, str_field(p, "vote_id"));
    spoiled_record r;
    r.voter_pk = str_field(p, "voter_pk");
    r.ballot_id = str_field(p, "ballot_id");
    r.digest = str_field(p, "digest");
    r.tracking_code = str_field(p, "tracking_code");
    r.seq = e.seq;
    r.ballot = obj_field(p, "ballot");
    r.nonces = arr_field(p, "nonces");
    r.choices = arr_field(p, "choices");
    std::vector<std::string> alphas;
    for (const auto& c : arr_field(r.ballot, "contests")) {
      for (const auto& o : arr_field(as_obj(c), "options"))
        alphas.push_back(str_field(as_obj(o), "alpha"));
    }
    const std::string number = str_field(p, "person");
    // Burnt for the vote: the spoiled ballot's id and alphas can never be cast.
    v.ballot_ids.insert(r.ballot_id);
    for (auto& a : alphas) v.alphas.insert(std::move(a));
    v.spoiled[number].push_back(std::move(r));
  } else if (t == "vote_closed") {
    auto& v = must_find(votes_, str_field(p, "vote_id"));
    v.state = vote::status::closed;
    v.closed_seq = e.seq;
    v.closed_hash = crypto::to_hex(entry_hash);
  } else if (t == "vote_decided") {
    auto& v = must_find(votes_, str_field(p, "vote_id"));
    std::vector<std::uint64_t> counts;
    for (const auto& c : arr_field(p, "counts")) counts.push_back(as_u64(c));
    std::string text = str_field(p, "outcome");
    json::error_code ec;
    json::value outcome = json::parse(text, ec);
    if (ec || !outcome.is_object()) throw malformed_payload("bad outcome");
    const auto& o = outcome.as_object();
    std::vector<std::string> elected;
    std::vector<std::string> runoff;
    std::uint32_t runoff_seats = 0;
    std::uint32_t further = 0;
    const std::string digest = crypto::to_hex(crypto::result_digest(result_record_of(
        v, u64_field(p, "board_seq_at_close"), u64_field(p, "ballots"), u64_field(p, "seated"),
        u64_field(p, "present"), str_field(p, "rule"), counts, text)));
    if (const auto* claimed = p.if_contains("result_digest");
        claimed != nullptr && (!claimed->is_string() || claimed->as_string() != digest))
      throw malformed_payload("result_digest is not the recomputed one");
    if (v.kind == protocol::vote_kind::election) {
      elected = strings_field(o, "elected");
      runoff = strings_field(o, "runoff");
      runoff_seats = static_cast<std::uint32_t>(u64_field(o, "runoff_seats"));
      further = static_cast<std::uint32_t>(u64_field(o, "further_round_seats"));
    }
    v.counts = std::move(counts);
    v.outcome_text = std::move(text);
    v.elected = std::move(elected);
    v.runoff = std::move(runoff);
    v.runoff_seats = runoff_seats;
    v.further_round_seats = further;
    v.state = vote::status::decided;
    v.result_digest = std::move(digest);
  } else if (t == "ceremony_started") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    ceremony_record c;
    for (const auto& v : arr_field(p, "scrutineers")) {
      const auto& o = as_obj(v);
      c.scrutineers.push_back(str_field(o, "person"));
      c.keys.push_back(key_field(o, "pk"));
    }
    c.k = u64_field(p, "k");
    c.ceremony_id = str_field(p, "ceremony_id");
    s.ceremony = std::move(c);
  } else if (t == "keygen_submitted") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    if (!s.ceremony) throw malformed_payload("no ceremony");
    const auto index = u64_field(p, "index");
    json::object message = obj_field(p, "message");
    std::optional<crypto::point> joint;
    std::vector<crypto::point> zs;
    if (p.contains("joint_key")) {
      joint = point_field(p, "joint_key");
      for (const auto& z : arr_field(p, "verification_keys")) {
        auto pt = crypto::point::from_hex(as_str(z));
        if (!pt) throw malformed_payload("bad verification key");
        zs.push_back(*pt);
      }
    }
    auto& c = *s.ceremony;
    c.keygen[index] = std::move(message);
    if (joint) {
      c.joint_key = joint;
      c.verification_keys = std::move(zs);
    }
  } else if (t == "keys_confirmed") {
    auto& s = must_find(sittings_, str_field(p, "sitting_id"));
    if (!s.ceremony) throw malformed_payload("no ceremony");
    const auto index = u64_field(p, "index");
    std::string sig = str_field(p, "signature");
    auto& c = *s.ceremony;
    c.confirmations[index] = std::move(sig);
    c.complete = c.confirmations.size() == c.scrutineers.size();
  } else if (t == "partial_submitted") {
    auto& v = must_find(votes_, str_field(p, "vote_id"));
    const auto index = u64_field(p, "index");
    v.partials[index] = obj_field(p, "partial");
  } else if (t == "result_signed") {
    auto& v = must_find(votes_, str_field(p, "vote_id"));
    const auto index = u64_field(p, "index");
    result_signature r{str_field(p, "person"), str_field(p, "signer_pk"), str_field(p, "signature"),
                       e.seq};
    v.result_signatures[index] = std::move(r);
  } else if (t == "result_announced") {
    auto& v = must_find(votes_, str_field(p, "vote_id"));
    result_signature r{str_field(p, "person"), str_field(p, "signer_pk"), str_field(p, "signature"),
                       e.seq};
    v.announcement = std::move(r);
  } else {
    throw malformed_payload("unknown event type " + t);
  }
}

}  // namespace plenum::server::domain
