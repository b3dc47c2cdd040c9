// The sequential pass over the board: the verifier's own reading of every event type of
// server/EVENTS.md, with the checks that depend on the order of events.
#include <algorithm>

#include "model.hpp"
#include "plenum/crypto/board.hpp"
#include "plenum/crypto/ceremony.hpp"
#include "plenum/crypto/ceremony_check.hpp"
#include "plenum/crypto/keygen.hpp"
#include "plenum/protocol/codec_ballot.hpp"
#include "plenum/protocol/codec_ceremony.hpp"
#include "plenum/protocol/codec_decryption.hpp"
#include "plenum/protocol/codec_manifest.hpp"
#include "plenum/protocol/codec_spoil.hpp"
#include "plenum/protocol/strict_json.hpp"

namespace plenum::clients::verify::detail {

namespace json = boost::json;

namespace {

const json::value& field(const json::object& o, std::string_view key) {
  auto it = o.find(key);
  if (it == o.end()) throw bad_payload("missing field " + std::string(key));
  return it->value();
}

std::string str(const json::object& o, std::string_view key) {
  const auto& v = field(o, key);
  if (!v.is_string()) throw bad_payload("field " + std::string(key) + " is not a string");
  return std::string(v.get_string());
}

std::uint64_t u64(const json::object& o, std::string_view key) {
  const auto& v = field(o, key);
  if (v.is_uint64()) return v.get_uint64();
  if (v.is_int64() && v.get_int64() >= 0) return static_cast<std::uint64_t>(v.get_int64());
  throw bad_payload("field " + std::string(key) + " is not a non-negative integer");
}

bool boolean(const json::object& o, std::string_view key) {
  const auto& v = field(o, key);
  if (!v.is_bool()) throw bad_payload("field " + std::string(key) + " is not a boolean");
  return v.get_bool();
}

const json::array& arr(const json::object& o, std::string_view key) {
  const auto& v = field(o, key);
  if (!v.is_array()) throw bad_payload("field " + std::string(key) + " is not an array");
  return v.get_array();
}

std::vector<std::string> strings(const json::object& o, std::string_view key) {
  std::vector<std::string> out;
  for (const auto& v : arr(o, key)) {
    if (!v.is_string()) throw bad_payload("field " + std::string(key) + " holds a non-string");
    out.emplace_back(v.get_string());
  }
  return out;
}

crypto::public_key key_of(const json::object& o, std::string_view key) {
  auto k = crypto::public_key::from_hex(str(o, key));
  if (!k) throw bad_payload("field " + std::string(key) + " is not a public key");
  return *k;
}

template <std::size_t N>
crypto::byte_array<N> hex_of(const json::object& o, std::string_view key) {
  auto b = crypto::from_hex_fixed<N>(str(o, key));
  if (!b) throw bad_payload("field " + std::string(key) + " is not hex of the right length");
  return *b;
}

std::string seq_text(std::uint64_t seq) { return "seq " + std::to_string(seq); }

// The replay of one record.
class replayer {
 public:
  replayer(congress_model& model, check_log& log) : m_(model), log_(log) {}

  void apply(const protocol::board_event& e) {
    m_.entry_hashes.push_back(e.entry_hash);
    auto parsed = protocol::parse_strict_json(e.payload, {e.payload.size() + 1, 32});
    if (!parsed || !parsed->is_object()) {
      log_.fail("events", "", seq_text(e.seq) + ": payload is not a JSON object");
      return;
    }
    try {
      if (dispatch(e, parsed->get_object()))
        log_.pass("events", "");
      else
        log_.fail("events", "", seq_text(e.seq) + ": unknown event type " + e.type);
    } catch (const bad_payload& ex) {
      log_.fail("events", "", seq_text(e.seq) + " (" + e.type + "): " + ex.what());
    }
  }

 private:
  bool dispatch(const protocol::board_event& e, const json::object& p) {
    const std::string& t = e.type;
    if (t == "congress_created") {
      if (e.seq != 0) throw bad_payload("congress_created after event 0");
      m_.congress_id = str(p, "congress_id");
    } else if (t == "roster_imported") {
      roster_imported(p);
    } else if (t == "device_enrolled") {
      device_enrolled(p);
    } else if (t == "checked_in") {
      checked_in(e, p);
    } else if (t == "delegate_excused") {
      sitting(p).excused.insert(str(p, "person"));
    } else if (t == "excusal_withdrawn") {
      if (sitting(p).excused.erase(str(p, "person")) == 0)
        throw bad_payload("excusal withdrawn for a delegate who is not excused");
    } else if (t == "sitting_created") {
      const auto id = str(p, "sitting_id");
      m_.sittings[id].id = id;
    } else if (t == "sitting_opened") {
      sitting_opened(p);
    } else if (t == "ceremony_started") {
      ceremony_started(e, p);
    } else if (t == "keygen_submitted") {
      keygen_submitted(p);
    } else if (t == "keys_confirmed") {
      keys_confirmed(p);
    } else if (t == "vote_created") {
      vote_created(p);
    } else if (t == "vote_opened") {
      vote_opened(p);
    } else if (t == "ballot_accepted") {
      ballot_accepted(e, p);
    } else if (t == "ballot_spoiled") {
      ballot_spoiled(e, p);
    } else if (t == "vote_closed") {
      vote_closed(e, p);
    } else if (t == "partial_submitted") {
      partial_submitted(e, p);
    } else if (t == "vote_decided") {
      vote_decided(e, p);
    } else if (t == "result_signed" || t == "result_announced") {
      result_signature(e, p);
    } else if (t == "roster_warnings_acknowledged" || t == "enrollment_code_issued" ||
               t == "checkin_opened" || t == "checkin_closed" || t == "sitting_closed" ||
               t == "item_added" || t == "material_added" || t == "current_item_set" ||
               t == "proposal_submitted") {
      // Nothing the cryptographic checks depend on; covered by the chain and its signatures.
    } else {
      return false;
    }
    return true;
  }

  sitting_model& sitting(const json::object& p) {
    auto it = m_.sittings.find(str(p, "sitting_id"));
    if (it == m_.sittings.end()) throw bad_payload("unknown sitting " + str(p, "sitting_id"));
    return it->second;
  }

  vote_model& vote(const json::object& p) {
    auto it = m_.votes.find(str(p, "vote_id"));
    if (it == m_.votes.end()) throw bad_payload("unknown vote " + str(p, "vote_id"));
    return it->second;
  }

  bool has_role(const std::string& person, std::string_view role) const {
    auto it = m_.roles.find(person);
    return it != m_.roles.end() && it->second.contains(std::string(role));
  }

  const crypto::public_key* current_key(const std::string& person) const {
    auto it = m_.keys.find(person);
    return it == m_.keys.end() ? nullptr : &it->second;
  }

  // The seated delegates of a sitting, in roster order, and how many of them are present.
  std::vector<std::string> seated(const sitting_model& s) const {
    std::vector<std::string> out;
    for (const auto& person : m_.person_order)
      if (has_role(person, "delegate") && !s.excused.contains(person)) out.push_back(person);
    return out;
  }
  std::uint64_t present(const sitting_model& s) const {
    std::uint64_t n = 0;
    for (const auto& [person, seq] : s.present)
      if (has_role(person, "delegate") && !s.excused.contains(person)) ++n;
    return n;
  }

  void roster_imported(const json::object& p) {
    m_.roles.clear();
    m_.person_order.clear();
    for (const auto& v : arr(p, "persons")) {
      if (!v.is_object()) throw bad_payload("persons holds a non-object");
      const auto& person = v.get_object();
      const auto number = str(person, "number");
      auto roles = strings(person, "roles");
      if (!m_.roles.emplace(number, std::set<std::string>(roles.begin(), roles.end())).second)
        throw bad_payload("person " + number + " listed twice");
      m_.person_order.push_back(number);
    }
    std::sort(m_.person_order.begin(), m_.person_order.end());
  }

  void checked_in(const protocol::board_event& e, const json::object& p) {
    auto& s = sitting(p);
    const auto person = str(p, "person");
    const auto device_pk = key_of(p, "device_pk");
    const auto unix_ms = u64(p, "unix_ms");
    auto sig = crypto::signature::from_hex(str(p, "signature"));
    if (!sig) throw bad_payload("signature is not hex of 64 bytes");
    const auto digest = crypto::checkin_digest(s.id, device_pk, unix_ms);
    const std::string at = seq_text(e.seq) + " " + person;
    const crypto::public_key* key = current_key(person);
    if (!m_.roles.contains(person)) return log_.fail("checkins", s.id, at + ": not on the roster");
    if (key == nullptr || *key != device_pk)
      return log_.fail("checkins", s.id, at + ": device_pk is not the person's enrolled key");
    if (s.present.contains(person)) return log_.fail("checkins", s.id, at + ": checked in twice");
    if (boolean(p, "assisted")) {
      const auto secretary = str(p, "secretary");
      const auto secretary_pk = key_of(p, "secretary_pk");
      const crypto::public_key* skey = current_key(secretary);
      if (!has_role(secretary, "secretary") || skey == nullptr || *skey != secretary_pk)
        return log_.fail("checkins", s.id, at + ": assisted by someone who is not a secretary");
      if (!secretary_pk.verify(digest, *sig))
        return log_.fail("checkins", s.id, at + ": secretary's signature does not verify");
    } else if (!device_pk.verify(digest, *sig)) {
      return log_.fail("checkins", s.id, at + ": delegate's signature does not verify");
    }
    s.present.emplace(person, e.seq);
    log_.pass("checkins", s.id);
  }

  void sitting_opened(const json::object& p) {
    auto& s = sitting(p);
    const auto seated_count = seated(s).size();
    const auto present_count = present(s);
    if (u64(p, "seated") != seated_count || u64(p, "present") != present_count) {
      log_.fail("attendance", s.id,
                "sitting_opened says seated " + std::to_string(u64(p, "seated")) + " present " +
                    std::to_string(u64(p, "present")) + ", the record gives " +
                    std::to_string(seated_count) + " and " + std::to_string(present_count));
    } else {
      log_.pass("attendance", s.id);
      log_.describe("attendance", s.id,
                    "seated " + std::to_string(seated_count) + ", present " +
                        std::to_string(present_count) + " at opening");
    }
  }

  // The device's possession signature proves it made the key (SPEC.md §2); an enrollment
  // without one is counted and reported, as trusted to the server's signature alone.
  void device_enrolled(const json::object& p) {
    const auto person = str(p, "person");
    if (!m_.roles.contains(person)) throw bad_payload("enrollment of unknown person " + person);
    const auto pk = key_of(p, "device_pk");
    m_.keys.insert_or_assign(person, pk);
    if (!p.contains("possession")) {
      ++enrollments_unproven_;
      return;
    }
    auto sig = crypto::signature::from_hex(str(p, "possession"));
    if (!sig) throw bad_payload("possession is not hex of 64 bytes");
    if (pk.verify(crypto::possession_digest(m_.congress_id, person, pk), *sig))
      log_.pass("enrollments", "");
    else
      log_.fail("enrollments", "", person + "'s device key does not sign its possession digest");
  }

 public:
  // After the last event: how many enrollments rest on the server's word alone.
  void finish() {
    log_.touch("enrollments", "");
    if (enrollments_unproven_ > 0)
      log_.describe("enrollments", "",
                    std::to_string(enrollments_unproven_) +
                        " without the device's possession signature (trusted to the server)");
  }

 private:
  void ceremony_started(const protocol::board_event& e, const json::object& p) {
    auto& s = sitting(p);
    ceremony_model c;
    c.started_seq = e.seq;
    std::vector<crypto::public_key> keys;
    std::uint64_t expect = 1;
    for (const auto& v : arr(p, "scrutineers")) {
      if (!v.is_object()) throw bad_payload("scrutineers holds a non-object");
      const auto& o = v.get_object();
      if (u64(o, "index") != expect++) throw bad_payload("scrutineer indices out of order");
      const auto person = str(o, "person");
      const auto pk = key_of(o, "pk");
      const auto* current = current_key(person);
      if (current == nullptr || *current != pk)
        log_.fail("ceremony", s.id, "scrutineer " + person + "'s key is not their enrolled key");
      c.persons.push_back(person);
      keys.push_back(pk);
    }
    c.params = crypto::ceremony_params::create(m_.congress_id, s.id, keys, u64(p, "k"));
    if (!c.params) {
      log_.fail("ceremony", s.id, "invalid ceremony parameters");
    } else if (crypto::to_hex(c.params->ceremony_id()) != str(p, "ceremony_id") ||
               c.params->n() != u64(p, "n")) {
      log_.fail("ceremony", s.id, "ceremony_id is not H32(\"ceremony\", …) of its parameters");
    }
    c.messages.resize(keys.size());
    c.confirmations.resize(keys.size());
    s.ceremony = std::move(c);
  }

  ceremony_model& ceremony_of(sitting_model& s, std::uint64_t index, const std::string& person) {
    if (!s.ceremony || !s.ceremony->params) throw bad_payload("no ceremony in this sitting");
    auto& c = *s.ceremony;
    if (index < 1 || index > c.persons.size() || c.persons[index - 1] != person)
      throw bad_payload("index " + std::to_string(index) + " is not " + person + "'s");
    return c;
  }

  void keygen_submitted(const json::object& p) {
    auto& s = sitting(p);
    const auto index = u64(p, "index");
    auto& c = ceremony_of(s, index, str(p, "person"));
    auto msg = protocol::decode_keygen_message(field(p, "message"));
    if (!msg) throw bad_payload("message: " + msg.error().message());
    if (msg->dealer != index) throw bad_payload("message of another dealer");
    if (c.messages[index - 1]) throw bad_payload("second keygen message of a dealer");
    c.messages[index - 1] = std::move(*msg);
    if (p.contains("joint_key")) {
      crypto::ceremony_keys keys;
      auto k = crypto::point::from_hex(str(p, "joint_key"));
      if (!k) throw bad_payload("joint_key is not a point");
      keys.joint_key = *k;
      for (const auto& z : strings(p, "verification_keys")) {
        auto zp = crypto::point::from_hex(z);
        if (!zp) throw bad_payload("verification key is not a point");
        keys.verification_keys.push_back(*zp);
      }
      c.published = std::move(keys);
    }
  }

  void keys_confirmed(const json::object& p) {
    auto& s = sitting(p);
    const auto index = u64(p, "index");
    auto& c = ceremony_of(s, index, str(p, "person"));
    auto sig = crypto::signature::from_hex(str(p, "signature"));
    if (!sig) throw bad_payload("signature is not hex of 64 bytes");
    c.confirmations[index - 1] = *sig;
  }

  void vote_created(const json::object& p) {
    vote_model v;
    v.id = str(p, "vote_id");
    v.sitting_id = str(p, "sitting_id");
    v.kind = str(p, "kind");
    v.rule_text = str(p, "rule");
    auto m = protocol::decode_manifest(field(p, "manifest"));
    if (!m) throw bad_payload("manifest: " + m.error().message());
    if (m->vote_id != v.id) throw bad_payload("the manifest names another vote");
    if (crypto::to_string(m->kind) != v.kind) throw bad_payload("the manifest is of another kind");
    v.manifest = std::move(*m);
    if (!m_.sittings.contains(v.sitting_id)) throw bad_payload("unknown sitting " + v.sitting_id);
    if (m_.votes.contains(v.id)) throw bad_payload("vote " + v.id + " created twice");
    m_.vote_order.push_back(v.id);
    m_.votes.emplace(v.id, std::move(v));
  }

  void vote_opened(const json::object& p) {
    auto& v = vote(p);
    if (v.opened) throw bad_payload("vote opened twice");
    v.opened = true;
    auto& s = m_.sittings.at(v.sitting_id);
    // The roster: the seated delegates' current keys, recomputed from the record.
    const auto seated_list = seated(s);
    v.seated = seated_list.size();
    v.present = present(s);
    v.eligible = std::set<std::string>(seated_list.begin(), seated_list.end());
    std::vector<crypto::public_key> roster;
    for (const auto& person : seated_list)
      if (const auto* k = current_key(person)) roster.push_back(*k);
    std::sort(roster.begin(), roster.end());
    v.roster = std::set<crypto::public_key>(roster.begin(), roster.end());
    const auto roster_hash = crypto::roster_hash(roster);

    std::vector<std::string> problems;
    if (u64(p, "seated") != v.seated || u64(p, "present") != v.present)
      problems.push_back("seated/present are " + std::to_string(u64(p, "seated")) + "/" +
                         std::to_string(u64(p, "present")) + ", recomputed " +
                         std::to_string(v.seated) + "/" + std::to_string(v.present));
    auto eligible = strings(p, "eligible");
    if (std::set<std::string>(eligible.begin(), eligible.end()) != v.eligible ||
        eligible.size() != v.eligible.size())
      problems.push_back("eligible is not the seated delegates");
    std::vector<crypto::public_key> published;
    for (const auto& k : strings(p, "roster")) {
      auto pk = crypto::public_key::from_hex(k);
      if (!pk) throw bad_payload("roster holds a bad key");
      published.push_back(*pk);
    }
    if (published != roster) problems.push_back("roster keys are not the seated delegates' keys");
    if (hex_of<32>(p, "roster_hash") != roster_hash)
      problems.push_back("roster_hash is not H32(\"roster\", …) of the seated delegates' keys");
    for (const auto& problem : problems) log_.fail("roster", v.id, problem);
    if (problems.empty()) {
      log_.pass("roster", v.id, roster.size());
      log_.describe("roster", v.id,
                    std::to_string(roster.size()) + " keys, seated " + std::to_string(v.seated) +
                        ", present " + std::to_string(v.present));
    }

    // The election hash: this vote's manifest, the sitting's complete ceremony, the roster.
    const auto manifest_hash = crypto::manifest_hash(v.manifest);
    std::vector<std::string> eproblems;
    if (hex_of<32>(p, "manifest_hash") != manifest_hash)
      eproblems.push_back("manifest_hash is not the hash of the vote's manifest");
    const auto joint = crypto::point::from_hex(str(p, "joint_key"));
    if (!joint) throw bad_payload("joint_key is not a point");
    if (!s.ceremony || !s.ceremony->params || !s.ceremony->published) {
      eproblems.push_back("the sitting has no ceremony with published keys");
    } else {
      const auto& c = *s.ceremony;
      if (!c.all_confirmed()) eproblems.push_back("opened before all scrutineers confirmed");
      if (hex_of<32>(p, "ceremony_id") != c.params->ceremony_id())
        eproblems.push_back("ceremony_id is not the sitting's ceremony");
      if (*joint != c.published->joint_key) eproblems.push_back("joint_key is not the ceremony's");
      v.params = c.params;
      v.keys = c.published;
      v.scrutineers = c.persons;
      v.election_hash = crypto::election_hash(c.params->ceremony_id(), c.published->joint_key,
                                              manifest_hash, roster_hash);
      if (hex_of<32>(p, "election_hash") != v.election_hash)
        eproblems.push_back("election_hash is not H32(\"election\", …) recomputed");
    }
    for (const auto& problem : eproblems) log_.fail("election", v.id, problem);
    if (eproblems.empty()) {
      log_.pass("election", v.id);
      log_.describe("election", v.id,
                    "election_hash " + crypto::to_hex(v.election_hash).substr(0, 16) + "…");
    }
  }

  void ballot_accepted(const protocol::board_event& e, const json::object& p) {
    auto& v = vote(p);
    ballot_entry entry;
    entry.seq = e.seq;
    entry.entry_hash = e.entry_hash;
    entry.person = str(p, "person");
    entry.claimed_digest = hex_of<32>(p, "digest");
    entry.claimed_tracking = hex_of<32>(p, "tracking_code");
    const auto voter_pk = key_of(p, "voter_pk");
    const auto ballot_id = hex_of<32>(p, "ballot_id");
    const std::string at = seq_text(e.seq) + " " + entry.person;
    auto fail = [&](const std::string& why) {
      log_.fail("ballots", v.id, at + ": " + why);
      v.ballots.push_back(std::move(entry));
    };
    auto decoded = protocol::decode_ballot(field(p, "ballot"));
    if (!decoded) return fail("ballot does not decode: " + decoded.error().message());
    entry.ballot = std::move(*decoded);
    const auto& b = *entry.ballot;
    if (auto why = signer_problem(v, b, entry.person, voter_pk, ballot_id, e.seq, "casting"))
      return fail(*why);
    if (!v.voters.insert(entry.person).second) return fail("second ballot of the same signer");
    bool reuses_spoiled = v.spoiled_ids.contains(ballot_id);
    for (const auto& contest : b.contests)
      for (const auto& option : contest.options)
        reuses_spoiled = reuses_spoiled || v.spoiled_alphas.contains(option.ct.alpha.bytes());
    if (reuses_spoiled)
      log_.fail("spoiled", v.id, at + ": a spoiled ballot's id or alpha was cast later");
    if (!v.ballot_ids.insert(ballot_id).second) return fail("ballot_id used twice");
    for (const auto& contest : b.contests)
      for (const auto& option : contest.options)
        if (!v.alphas.insert(option.ct.alpha.bytes()).second) return fail("alpha used twice");
    entry.admissible = true;
    v.ballots.push_back(std::move(entry));
  }

  // What a cast and a spoiled ballot must both satisfy at board position `seq`: the vote open,
  // the ballot its own and consistent with the event, signed by the person's enrolled key, in
  // the roster, after a valid check-in. The reason it fails, if it does.
  std::optional<std::string> signer_problem(const vote_model& v, const crypto::ballot& b,
                                            const std::string& person,
                                            const crypto::public_key& voter_pk,
                                            const crypto::digest32& ballot_id, std::uint64_t seq,
                                            const std::string& act) const {
    if (!v.opened || v.closed)
      return std::string(act == "casting" ? "cast" : "spoiled") + " while the vote was not open";
    if (b.vote_id != v.id) return std::string("ballot names another vote");
    if (b.voter_pk != voter_pk || b.ballot_id != ballot_id)
      return std::string("voter_pk or ballot_id differ from the ballot's");
    const auto* key = current_key(person);
    if (key == nullptr || *key != voter_pk)
      return std::string("signer is not the person's enrolled key");
    if (!v.eligible.contains(person) || !v.roster.contains(voter_pk))
      return std::string("signer is not in the vote's roster");
    const auto& s = m_.sittings.at(v.sitting_id);
    auto in = s.present.find(person);
    if (in == s.present.end() || in->second > seq || s.excused.contains(person))
      return "signer has no valid check-in before " + act;
    return std::nullopt;
  }

  void ballot_spoiled(const protocol::board_event& e, const json::object& p) {
    auto& v = vote(p);
    spoiled_entry entry;
    entry.seq = e.seq;
    entry.person = str(p, "person");
    entry.claimed_digest = hex_of<32>(p, "digest");
    entry.claimed_tracking = hex_of<32>(p, "tracking_code");
    const auto voter_pk = key_of(p, "voter_pk");
    const auto ballot_id = hex_of<32>(p, "ballot_id");
    const std::string at = seq_text(e.seq) + " " + entry.person;
    log_.touch("spoiled", v.id);
    auto fail = [&](const std::string& why) {
      log_.fail("spoiled", v.id, at + ": " + why);
      v.spoiled.push_back(std::move(entry));
    };
    auto decoded = protocol::decode_ballot(field(p, "ballot"));
    if (!decoded) return fail("ballot does not decode: " + decoded.error().message());
    entry.ballot = std::move(*decoded);
    auto openings = protocol::decode_openings(field(p, "nonces"));
    if (!openings) return fail("nonces do not decode: " + openings.error().message());
    entry.openings = std::move(*openings);
    auto choices = protocol::decode_choices(field(p, "choices"));
    if (!choices) return fail("choices do not decode: " + choices.error().message());
    entry.claimed_choices = std::move(*choices);
    const auto& b = *entry.ballot;
    if (auto why = signer_problem(v, b, entry.person, voter_pk, ballot_id, e.seq, "spoiling"))
      return fail(*why);
    if (v.voters.contains(entry.person)) return fail("spoiled after the signer had cast");
    if (!v.ballot_ids.insert(ballot_id).second) return fail("ballot_id used twice");
    v.spoiled_ids.insert(ballot_id);
    for (const auto& contest : b.contests) {
      for (const auto& option : contest.options) {
        if (!v.alphas.insert(option.ct.alpha.bytes()).second) return fail("alpha used twice");
        v.spoiled_alphas.insert(option.ct.alpha.bytes());
      }
    }
    entry.admissible = true;
    v.spoiled.push_back(std::move(entry));
  }

  void vote_closed(const protocol::board_event& e, const json::object& p) {
    auto& v = vote(p);
    if (!v.opened || v.closed) throw bad_payload("vote closed while not open");
    v.closed = true;
    v.closed_seq = e.seq;
    if (u64(p, "ballots") != v.ballots.size())
      log_.fail("result", v.id,
                "vote_closed counts " + std::to_string(u64(p, "ballots")) +
                    " ballots, the board holds " + std::to_string(v.ballots.size()));
  }

  void partial_submitted(const protocol::board_event& e, const json::object& p) {
    auto& v = vote(p);
    if (!v.closed) throw bad_payload("partial decryption before the vote closed");
    const auto index = u64(p, "index");
    const auto person = str(p, "person");
    auto partial = protocol::decode_partial_decryption(field(p, "partial"));
    if (!partial) throw bad_payload("partial: " + partial.error().message());
    if (index < 1 || index > v.scrutineers.size() || v.scrutineers[index - 1] != person)
      log_.fail("tally", v.id,
                seq_text(e.seq) + ": index " + std::to_string(index) + " is not " + person + "'s");
    v.partials.push_back(partial_entry{e.seq, index, std::move(*partial)});
  }

  void vote_decided(const protocol::board_event& e, const json::object& p) {
    auto& v = vote(p);
    if (!v.closed) throw bad_payload("result before the vote closed");
    if (v.decided) throw bad_payload("second result of a vote");
    decided_entry d;
    d.seq = e.seq;
    d.board_seq_at_close = u64(p, "board_seq_at_close");
    d.ballots = u64(p, "ballots");
    d.seated = u64(p, "seated");
    d.present = u64(p, "present");
    for (const auto& c : arr(p, "counts")) {
      if (!c.is_uint64() && !(c.is_int64() && c.get_int64() >= 0))
        throw bad_payload("counts holds a non-count");
      d.counts.push_back(c.is_uint64() ? c.get_uint64()
                                       : static_cast<std::uint64_t>(c.get_int64()));
    }
    d.rule = str(p, "rule");
    d.outcome = str(p, "outcome");
    if (p.contains("result_digest")) d.published_digest = hex_of<32>(p, "result_digest");
    if (p.contains("board_hash_at_close"))
      d.published_hash_at_close = hex_of<32>(p, "board_hash_at_close");
    v.decided = std::move(d);
  }

  // A scrutineer's signature over the result (result_signed) or the chair's announcement.
  void result_signature(const protocol::board_event& e, const json::object& p) {
    auto& v = vote(p);
    if (!v.decided) throw bad_payload("result signed before the vote was decided");
    auto sig = crypto::signature::from_hex(str(p, "signature"));
    if (!sig) throw bad_payload("field signature is not a signature");
    const bool scrutineer = e.type == "result_signed";
    result_signature_entry r{
        e.seq, scrutineer ? u64(p, "index") : 0, str(p, "person"), key_of(p, "signer_pk"), *sig,
        false};
    if (scrutineer) {
      r.signer_entitled = r.index >= 1 && r.index <= v.scrutineers.size() &&
                          v.scrutineers[r.index - 1] == r.person && v.params &&
                          v.params->scrutineer(r.index) == r.signer_pk;
      v.result_signatures.push_back(std::move(r));
    } else {
      const auto* key = current_key(r.person);
      r.signer_entitled = has_role(r.person, "chair") && key != nullptr && *key == r.signer_pk;
      v.announcements.push_back(std::move(r));
    }
  }

  congress_model& m_;
  check_log& log_;
  std::uint64_t enrollments_unproven_ = 0;
};

}  // namespace

void replay(const record& rec, congress_model& model, check_log& log) {
  replayer r(model, log);
  for (const auto& e : rec.events) r.apply(e);
  r.finish();
  log.touch("events", "");
  if (!rec.events.empty() && model.congress_id != rec.header.congress_id)
    log.fail("head", "", "congress.json congress_id is not event 0's");
}

namespace {

// Whether a vote of sitting `id` opened, i.e. used its ceremony's joint key.
bool ceremony_used(const congress_model& model, const std::string& sitting_id) {
  return std::any_of(model.votes.begin(), model.votes.end(), [&](const auto& entry) {
    return entry.second.sitting_id == sitting_id && entry.second.opened;
  });
}

// A ceremony still under way when the record was exported, which no vote used: what is there
// is checked, what is missing is reported as not yet done rather than as a failure.
void check_unfinished_ceremony(const std::string& id, const ceremony_model& c, check_log& log) {
  const auto& params = *c.params;
  std::size_t messages = 0;
  for (std::size_t i = 0; i < c.messages.size(); ++i) {
    if (!c.messages[i]) continue;
    ++messages;
    if (crypto::check_keygen_message(params, *c.messages[i]))
      log.pass("ceremony", id);
    else
      log.fail("ceremony", id,
               "keygen message of scrutineer " + std::to_string(i + 1) +
                   " (proofs of knowledge, signature) does not verify");
  }
  std::size_t confirmations = 0;
  if (c.published) {
    const auto digest = crypto::key_digest(params, *c.published);
    for (std::size_t i = 0; i < c.confirmations.size(); ++i) {
      if (!c.confirmations[i]) continue;
      ++confirmations;
      if (crypto::check_confirmation(params, i + 1, digest, *c.confirmations[i]))
        log.pass("ceremony", id);
      else
        log.fail("ceremony", id,
                 "confirmation of scrutineer " + std::to_string(i + 1) +
                     " is not a signature over the key digest");
    }
  }
  const auto n = std::to_string(params.n());
  log.describe("ceremony", id,
               "unfinished when exported (no vote used it): " + std::to_string(messages) + " of " +
                   n + " keygen messages, " + std::to_string(confirmations) + " of " + n +
                   " confirmations");
}

}  // namespace

void check_ceremonies(const congress_model& model, check_log& log) {
  for (const auto& [id, s] : model.sittings) {
    if (!s.ceremony || !s.ceremony->params) continue;
    const auto& c = *s.ceremony;
    std::vector<crypto::keygen_message> messages;
    for (const auto& m : c.messages)
      if (m) messages.push_back(*m);
    std::vector<crypto::signature> confirmations;
    for (const auto& sig : c.confirmations)
      if (sig) confirmations.push_back(*sig);
    const bool finished =
        c.published && messages.size() == c.params->n() && confirmations.size() == c.params->n();
    if (!finished && !ceremony_used(model, id)) {
      check_unfinished_ceremony(id, c, log);
      continue;
    }
    if (!c.published) {
      log.fail("ceremony", id, "the joint and verification keys were never published");
      continue;
    }
    const auto report = crypto::check_ceremony(*c.params, messages, *c.published, confirmations);
    const auto n = c.params->n();
    if (!report.complete)
      log.fail("ceremony", id,
               std::to_string(messages.size()) + " messages and " +
                   std::to_string(confirmations.size()) + " confirmations of " + std::to_string(n));
    for (std::size_t i = 0; i < report.messages.size(); ++i)
      if (report.messages[i])
        log.pass("ceremony", id);
      else
        log.fail("ceremony", id,
                 "keygen message of scrutineer " + std::to_string(i + 1) +
                     " (proofs of knowledge, signature) does not verify");
    if (report.keys_match)
      log.pass("ceremony", id);
    else
      log.fail("ceremony", id, "K or some Z_l is not recomputed from the commitments");
    for (std::size_t i = 0; i < report.confirmations.size(); ++i)
      if (report.confirmations[i])
        log.pass("ceremony", id);
      else
        log.fail("ceremony", id,
                 "confirmation of scrutineer " + std::to_string(i + 1) +
                     " is not a signature over the key digest");
    log.describe("ceremony", id,
                 std::to_string(n) + " keygen messages, K and " + std::to_string(n) + " Z_l, " +
                     std::to_string(n) + " confirmations; k = " + std::to_string(c.params->k()));
  }
}

}  // namespace plenum::clients::verify::detail
