#include "plenum/clients/sheet/from_record.hpp"

#include <boost/json/parse.hpp>
#include <map>
#include <string>

namespace plenum::clients::sheet {

namespace json = boost::json;

namespace {

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->get_string()) : std::string();
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
  out.signers_.push_back(signer{signer_role::server, "大会服务器", congress_pk});
  for (auto& [index, s] : scrutineers) out.signers_.push_back(std::move(s));
  out.announced_ = !chair.empty();
  for (auto& s : chair) out.signers_.push_back(std::move(s));
  return out;
}

}  // namespace plenum::clients::sheet
