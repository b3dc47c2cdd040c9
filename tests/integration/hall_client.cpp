#include "hall_client.hpp"

#include <boost/json/serialize.hpp>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "plenum/crypto/board.hpp"
#include "plenum/crypto/random.hpp"

namespace plenum::tests {

namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

constexpr auto io_timeout = 60s;

clients::tls_options insecure() {
  clients::tls_options o;
  o.verify = clients::verify_mode::insecure;
  return o;
}

clients::ws_client connect(std::uint16_t port, std::string_view target) {
  auto ws = clients::ws_client::connect("127.0.0.1", port, insecure(), io_timeout, target);
  if (!ws) throw std::runtime_error("connect: " + ws.error().message());
  return std::move(*ws);
}

}  // namespace

std::string hall_reply::code() const {
  const auto* c = fields.if_contains("code");
  return c != nullptr && c->is_string() ? std::string(c->as_string()) : std::string();
}

hall_client::hall_client(std::uint16_t port, std::string_view target) : ws_(connect(port, target)) {
  auto text = ws_.receive(io_timeout);
  if (!text) throw std::runtime_error("no hello: " + text.error().message());
  auto f = protocol::parse_server_frame(*text);
  if (!f) throw std::runtime_error("bad hello frame: " + *text);
  auto h = protocol::decode_hello(*f);
  if (!h) throw std::runtime_error("bad hello: " + *text);
  hello_ = std::move(*h);
}

hall_reply hall_client::call(const std::string& type, const json::object& fields) {
  json::object frame{{"v", 1}, {"id", next_id_}, {"type", type}};
  for (const auto& m : fields) frame.emplace(m.key(), m.value());
  const std::uint64_t id = next_id_++;
  auto sent = ws_.send_text(json::serialize(frame), io_timeout);
  if (!sent) throw std::runtime_error("send: " + sent.error().message());
  return wait_reply(id);
}

hall_reply hall_client::call_raw(const std::string& text) {
  auto sent = ws_.send_text(text, io_timeout);
  if (!sent) throw std::runtime_error("send: " + sent.error().message());
  return wait_reply(std::nullopt);
}

hall_reply hall_client::wait_reply(std::optional<std::uint64_t> id) {
  for (;;) {
    auto text = ws_.receive(io_timeout);
    if (!text) throw std::runtime_error("receive: " + text.error().message());
    auto f = protocol::parse_server_frame(*text);
    if (!f) throw std::runtime_error("bad frame: " + *text);
    if (f->type != "ok" && f->type != "error") {
      pushes_.push_back(std::move(*f));
      continue;
    }
    if (id && f->id != id) continue;
    return {f->type, std::move(f->fields)};
  }
}

hall_reply hall_client::auth(const crypto::secret_key& key) {
  crypto::byte_array<protocol::nonce_bytes> client_nonce{};
  crypto::system_random().fill(client_nonce);
  const auto pk = key.public_part();
  const auto digest =
      crypto::auth_digest(hello_->congress_id, hello_->server_nonce, client_nonce, pk);
  return call("auth", {{"device_pk", pk.hex()},
                       {"client_nonce", crypto::to_hex(client_nonce)},
                       {"signature", key.sign(digest).hex()}});
}

std::optional<json::object> hall_client::next_push(const std::string& type,
                                                   std::chrono::milliseconds timeout) {
  for (auto it = pushes_.begin(); it != pushes_.end(); ++it) {
    if (it->type == type) {
      json::object out = std::move(it->fields);
      pushes_.erase(it);
      return out;
    }
  }
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline) {
    auto text = ws_.receive(std::chrono::duration_cast<std::chrono::milliseconds>(
        deadline - std::chrono::steady_clock::now()));
    if (!text) return std::nullopt;
    auto f = protocol::parse_server_frame(*text);
    if (!f) return std::nullopt;
    if (f->type == type) return std::move(f->fields);
    pushes_.push_back(std::move(*f));
  }
  return std::nullopt;
}

bool hall_client::closed_by_server(std::chrono::milliseconds timeout) {
  for (;;) {
    auto text = ws_.receive(timeout);
    if (!text) return ws_.close_reason().has_value();
  }
}

std::string read_file(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string str(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

std::string secretary_code(const std::filesystem::path& data) {
  std::istringstream in(read_file(data / "bootstrap-credentials.txt"));
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("SE\t", 0) == 0) return line.substr(line.rfind('\t') + 1);
  return {};
}

hall_reply enroll(hall_client& c, const std::string& person, const std::string& code,
                  const crypto::secret_key& key) {
  const auto pk = key.public_part();
  std::string canonical;
  for (char ch : code)
    if (ch != '-') canonical += ch;
  const auto& congress = c.hello().congress_id;
  return c.call(
      "enroll",
      {{"person", person},
       {"code", code},
       {"device_pk", pk.hex()},
       {"signature", key.sign(crypto::enroll_digest(congress, person, canonical, pk)).hex()},
       {"possession", key.sign(crypto::possession_digest(congress, person, pk)).hex()}});
}

}  // namespace plenum::tests
