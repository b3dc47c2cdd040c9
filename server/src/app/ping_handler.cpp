#include "app/ping_handler.hpp"

#include <boost/json.hpp>
#include <plenum/protocol/error.hpp>

namespace plenum::server::app {
namespace {

namespace json = boost::json;

std::string error_reply(errc code, const json::value* id) {
  json::object reply;
  reply["type"] = "error";
  if (id != nullptr) reply["id"] = *id;
  boost::system::error_code ec = code;
  reply["code"] = error_name(ec);
  reply["message"] = ec.message();
  return json::serialize(reply);
}

}  // namespace

std::string ping_reply(std::string_view text) {
  boost::system::error_code ec;
  json::value v = json::parse(text, ec);
  if (ec || !v.is_object()) return error_reply(errc::malformed_message, nullptr);
  const json::object& msg = v.get_object();
  const json::value* id = msg.if_contains("id");
  if (id != nullptr && !id->is_int64() && !id->is_uint64()) id = nullptr;
  const json::value* type = msg.if_contains("type");
  if (type == nullptr || !type->is_string()) return error_reply(errc::malformed_message, id);
  if (type->get_string() != "ping") return error_reply(errc::unknown_message_type, id);
  if (id == nullptr) return error_reply(errc::invalid_field, nullptr);
  json::object reply;
  reply["type"] = "pong";
  reply["id"] = *id;
  return json::serialize(reply);
}

void ping_handler::on_open(const std::shared_ptr<net::connection>& /*conn*/) {}

void ping_handler::on_message(const std::shared_ptr<net::connection>& conn, std::string text) {
  conn->send(std::make_shared<const std::string>(ping_reply(text)));
}

void ping_handler::on_close(const std::shared_ptr<net::connection>& /*conn*/) {}

}  // namespace plenum::server::app
