#include "plenum/clients/sheet/from_record.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>
#include <map>
#include <optional>
#include <string>

#include <plenum/clients/sheet/from_outcome.hpp>
#include <plenum/crypto/result.hpp>
#include <plenum/protocol/codec_manifest.hpp>

namespace plenum::clients::sheet {

namespace json = boost::json;

namespace {

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
}

std::uint64_t count_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_number() ? v->to_number<std::uint64_t>() : 0;
}

// What the sheet of one vote needs from the events, in board order.
struct vote_events {
  std::string congress;
  std::string sitting_title;
  std::string sitting_date;
  std::optional<json::object> created;
  std::optional<json::object> opened;
  std::optional<json::object> decided;
  std::uint64_t ballots = 0;
  std::uint64_t closed_seq = 0;
  crypto::digest32 closed_hash{};
};

result<vote_events> collect(const std::vector<protocol::board_event>& events,
                            std::string_view vote_id) {
  vote_events out;
  std::map<std::string, std::pair<std::string, std::string>> sittings;
  for (const auto& e : events) {
    static constexpr std::string_view wanted[] = {
        "congress_created", "sitting_created", "vote_created", "vote_opened",
        "ballot_accepted",  "vote_closed",     "vote_decided"};
    if (std::find(std::begin(wanted), std::end(wanted), e.type) == std::end(wanted)) continue;
    boost::system::error_code ec;
    json::value parsed = json::parse(e.payload, ec);
    if (ec || !parsed.is_object()) return errc::invalid_field;
    json::object& p = parsed.get_object();
    if (e.type == "congress_created") {
      out.congress = text_of(p, "name");
    } else if (e.type == "sitting_created") {
      sittings[text_of(p, "sitting_id")] = {text_of(p, "title"), text_of(p, "date")};
    } else if (text_of(p, "vote_id") != vote_id) {
      continue;
    } else if (e.type == "vote_created") {
      out.created = std::move(p);
    } else if (e.type == "vote_opened") {
      out.opened = std::move(p);
    } else if (e.type == "ballot_accepted") {
      ++out.ballots;
    } else if (e.type == "vote_closed") {
      out.closed_seq = e.seq;
      out.closed_hash = e.entry_hash;
    } else {
      out.decided = std::move(p);
    }
  }
  if (!out.created || !out.opened || !out.decided) return errc::unknown_vote;
  const auto sitting = sittings.find(text_of(*out.created, "sitting_id"));
  if (sitting != sittings.end()) {
    out.sitting_title = sitting->second.first;
    out.sitting_date = sitting->second.second;
  }
  return out;
}

}  // namespace

result<record_signers> signers_from_record(const std::vector<protocol::board_event>& events,
                                           const crypto::public_key& congress_pk,
                                           std::string_view vote_id) {
  std::map<std::string, std::string> names;  // person number → name, from the last roster
  std::map<std::uint64_t, signer> scrutineers;
  std::vector<signer> chair;
  bool decided = false;
  for (const auto& e : events) {
    if (e.type != "roster_imported" && e.type != "vote_decided" && e.type != "result_signed" &&
        e.type != "result_announced")
      continue;
    boost::system::error_code ec;
    const json::value parsed = json::parse(e.payload, ec);
    if (ec || !parsed.is_object()) return errc::invalid_field;
    const json::object& p = parsed.get_object();
    if (e.type == "roster_imported") {
      names.clear();
      const auto* persons = p.if_contains("persons");
      if (persons == nullptr || !persons->is_array()) return errc::invalid_field;
      for (const auto& person : persons->get_array())
        if (person.is_object())
          names[text_of(person.get_object(), "number")] = text_of(person.get_object(), "name");
      continue;
    }
    if (text_of(p, "vote_id") != vote_id) continue;
    if (e.type == "vote_decided") {
      decided = true;
      continue;
    }
    auto key = crypto::public_key::from_hex(text_of(p, "signer_pk"));
    const std::string person = text_of(p, "person");
    if (!key || person.empty()) return errc::invalid_field;
    auto named = names.find(person);
    signer s{e.type == "result_signed" ? signer_role::scrutineer : signer_role::chair,
             named != names.end() && !named->second.empty() ? named->second : person, *key};
    if (e.type == "result_signed") {
      const auto* index = p.if_contains("index");
      if (index == nullptr || !index->is_number()) return errc::invalid_field;
      scrutineers.insert_or_assign(index->to_number<std::uint64_t>(), std::move(s));
    } else {
      chair.push_back(std::move(s));
    }
  }
  if (!decided) return errc::unknown_vote;
  record_signers out;
  out.signers.push_back(signer{signer_role::server, "大会服务器", congress_pk});
  for (auto& [index, s] : scrutineers) out.signers.push_back(std::move(s));
  out.announced = !chair.empty();
  for (auto& s : chair) out.signers.push_back(std::move(s));
  return out;
}

result<vote_sheet> vote_sheet_from_record(const std::vector<protocol::board_event>& events,
                                          const crypto::public_key& congress_pk,
                                          std::string_view vote_id) {
  auto signers = signers_from_record(events, congress_pk, vote_id);
  if (!signers) return signers.error();
  auto v = collect(events, vote_id);
  if (!v) return v.error();
  const auto* manifest_json = v->created->if_contains("manifest");
  if (manifest_json == nullptr) return errc::invalid_field;
  auto manifest = protocol::decode_manifest(*manifest_json);
  if (!manifest) return errc::invalid_field;
  auto rule = protocol::parse_rule(text_of(*v->created, "rule"));
  if (!rule) return rule.error();
  std::vector<std::uint64_t> counts;
  const auto* published_counts = v->decided->if_contains("counts");
  if (published_counts == nullptr || !published_counts->is_array()) return errc::invalid_field;
  for (const auto& n : published_counts->get_array()) {
    if (!n.is_number()) return errc::invalid_field;
    counts.push_back(n.to_number<std::uint64_t>());
  }
  const std::uint64_t seated = count_of(*v->opened, "seated");
  const std::uint64_t present = count_of(*v->opened, "present");
  auto tally = protocol::make_tally_input(*manifest, counts, v->ballots, seated, present);
  if (!tally) return tally.error();
  auto outcome = protocol::decide_outcome(*rule, *tally);
  if (!outcome) return outcome.error();
  if (outcome->text != text_of(*v->decided, "outcome")) return errc::invalid_tally;
  crypto::result_record r;
  auto election_hash = crypto::from_hex_fixed<32>(text_of(*v->opened, "election_hash"));
  if (!election_hash) return errc::invalid_field;
  r.election_hash = *election_hash;
  r.board_seq_at_close = v->closed_seq;
  r.board_hash_at_close = v->closed_hash;
  r.ballots = v->ballots;
  r.seated = seated;
  r.present = present;
  r.rule = text_of(*v->created, "rule");
  r.counts = counts;
  r.outcome = outcome->text;
  const auto digest = crypto::result_digest(r);
  if (const auto published = text_of(*v->decided, "result_digest");
      !published.empty() && published != crypto::to_hex(digest))
    return errc::invalid_tally;
  const sheet_header header{v->congress, v->sitting_title, v->sitting_date};
  auto sheet = make_vote_sheet(header, *manifest, *rule, *outcome, signers->signers, digest);
  if (!sheet) return sheet.error();
  sheet->announced = signers->announced;
  return sheet;
}

}  // namespace plenum::clients::sheet
