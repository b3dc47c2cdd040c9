#include "ceremony_reply.hpp"

#include <stdexcept>

#include <plenum/protocol/codec_ceremony.hpp>
#include <plenum/protocol/messages_hall.hpp>

namespace plenum::clients::loadgen {

namespace json = boost::json;

namespace {

[[noreturn]] void malformed(const std::string& what) {
  throw std::runtime_error("get_ceremony: " + what);
}

const json::value& field(const json::object& o, const char* name) {
  const auto* v = o.if_contains(name);
  if (v == nullptr) malformed(std::string("no ") + name);
  return *v;
}

std::string text_field(const json::object& o, const char* name) {
  const auto& v = field(o, name);
  if (!v.is_string()) malformed(std::string(name) + " is not a string");
  return std::string(v.as_string());
}

std::uint64_t count_field(const json::object& o, const char* name) {
  const auto& v = field(o, name);
  if (!v.is_uint64() && !(v.is_int64() && v.as_int64() >= 0))
    malformed(std::string(name) + " is not a count");
  return v.to_number<std::uint64_t>();
}

const json::array& array_field(const json::object& o, const char* name) {
  const auto& v = field(o, name);
  if (!v.is_array()) malformed(std::string(name) + " is not a list");
  return v.as_array();
}

}  // namespace

ceremony_record decode_ceremony_reply(const json::object& reply, const std::string& sitting_id) {
  const auto& cv = field(reply, "ceremony");
  if (!cv.is_object()) malformed("ceremony is not an object");
  const auto& c = cv.as_object();
  ceremony_record out;
  out.sitting_id = text_field(c, "sitting_id");
  if (out.sitting_id != sitting_id) malformed("the ceremony of another sitting");
  std::vector<crypto::public_key> keys;
  for (const auto& sv : array_field(c, "scrutineers")) {
    if (!sv.is_object()) malformed("a scrutineer is not an object");
    const auto& s = sv.as_object();
    if (count_field(s, "index") != keys.size() + 1) malformed("scrutineers out of index order");
    auto pk = crypto::public_key::from_hex(text_field(s, "pk"));
    if (!pk) malformed("a scrutineer's pk is not a valid key");
    out.persons.push_back(text_field(s, "person"));
    keys.push_back(*pk);
  }
  out.params = crypto::ceremony_params::create(text_field(c, "congress_id"), out.sitting_id,
                                               std::move(keys), count_field(c, "k"));
  if (!out.params) malformed("the scrutineers and k make no ceremony");
  for (const auto& m : array_field(c, "keygen")) {
    auto message = protocol::decode_keygen_message(m);
    if (!message) malformed("a keygen message does not decode");
    if (!out.params->is_index(message->dealer)) malformed("a keygen message of no scrutineer");
    out.messages.insert_or_assign(message->dealer, std::move(*message));
  }
  const auto& confirmations = field(c, "confirmations");
  if (!confirmations.is_object()) malformed("confirmations is not an object");
  for (const auto& [index, sig] : confirmations.as_object()) {
    const auto parsed = sig.is_string() ? crypto::signature::from_hex(sig.as_string())
                                        : std::optional<crypto::signature>();
    std::uint64_t i = 0;
    try {
      i = std::stoull(std::string(index));
    } catch (const std::exception&) {
      malformed("a confirmation's index is not a number");
    }
    if (!parsed || !out.params->is_index(i)) malformed("a confirmation is malformed");
    out.confirmations.insert_or_assign(i, *parsed);
  }
  return out;
}

ceremony_record fetch_ceremony(session& s, const std::string& sitting_id) {
  auto reply = s.call(protocol::hall_request{protocol::get_ceremony_request{sitting_id}});
  if (!reply)
    throw std::runtime_error("get_ceremony: " + s.last_error().code + " " +
                             reply.error().message());
  return decode_ceremony_reply(*reply, sitting_id);
}

}  // namespace plenum::clients::loadgen
