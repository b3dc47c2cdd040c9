#include "plenum/clients/session.hpp"

#include <boost/json/value.hpp>
#include <charconv>
#include <chrono>
#include <thread>

#include <plenum/crypto/board.hpp>
#include <plenum/crypto/random.hpp>

namespace plenum::clients {

namespace json = boost::json;
using std::chrono::milliseconds;

namespace {

std::int64_t local_now_ms() {
  return std::chrono::duration_cast<milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

boost::system::error_code generic(std::errc e) {
  return {static_cast<int>(e), boost::system::generic_category()};
}

// What the server sends may exceed what it accepts: a board event carries a whole roster or a
// vote's manifest (protocol/RECORD.md), hundreds of KiB in a congress of thousands.
const protocol::json_limits server_frame_limits{16 * 1024 * 1024, 16};

std::string string_field(const json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

}  // namespace

result<server_address> parse_server(std::string_view text) {
  server_address a;
  if (text.empty()) return generic(std::errc::invalid_argument);
  auto colon = text.rfind(':');
  if (colon == std::string_view::npos) {
    a.host = std::string(text);
    return a;
  }
  a.host = std::string(text.substr(0, colon));
  auto port = text.substr(colon + 1);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (a.host.empty() || ec != std::errc() || end != port.data() + port.size() || value == 0 ||
      value > 65535)
    return generic(std::errc::invalid_argument);
  a.port = static_cast<std::uint16_t>(value);
  return a;
}

result<server_address> parse_hall_address(std::string_view address, const server_address& like) {
  for (std::string_view scheme : {"https://", "wss://"})
    if (address.starts_with(scheme)) address.remove_prefix(scheme.size());
  if (address.ends_with('/')) address.remove_suffix(1);
  const auto colon = address.rfind(':');
  if (colon == std::string_view::npos || colon == 0) return generic(std::errc::invalid_argument);
  auto host = address.substr(0, colon);
  if (host.size() > 2 && host.front() == '[' && host.back() == ']')
    host = host.substr(1, host.size() - 2);
  if (host.empty() || host.find_first_of("/[]@ ") != std::string_view::npos)
    return generic(std::errc::invalid_argument);
  const auto port = address.substr(colon + 1);
  unsigned value = 0;
  auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 || value > 65535)
    return generic(std::errc::invalid_argument);
  server_address a = like;
  a.host = std::string(host);
  a.port = static_cast<std::uint16_t>(value);
  return a;
}

boost::system::error_code error_from_name(std::string_view name) {
  for (int i = 1; i <= static_cast<int>(errc::internal); ++i) {
    boost::system::error_code ec = static_cast<errc>(i);
    if (error_name(ec) == name) return ec;
  }
  return errc::internal;
}

std::string canonical_enrollment_code(std::string_view typed) {
  std::string out;
  for (char c : typed) {
    if (c == '-' || c == ' ') continue;
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    if (c == 'I' || c == 'L') c = '1';
    if (c == 'O') c = '0';
    out.push_back(c);
  }
  return out;
}

session::session(server_address server, ws_client ws, protocol::hello hello, hall_view hall)
    : server_(std::move(server)),
      ws_(std::move(ws)),
      hello_(std::move(hello)),
      clock_offset_ms_(static_cast<std::int64_t>(hello_.server_unix_ms) - local_now_ms()),
      serving_(hall.serving),
      hall_{server_} {
  learn(hall);
}

result<session> session::connect(const server_address& server) {
  auto ws = ws_client::connect(server.host, server.port, server.tls, server.timeout);
  if (!ws) return ws.error();
  std::deque<protocol::frame> pushes;
  hall_view hall;
  auto hello = read_hello(*ws, server.timeout, pushes, hall);
  if (!hello) return hello.error();
  session s(server, std::move(*ws), std::move(*hello), std::move(hall));
  s.pushes_ = std::move(pushes);
  return s;
}

void session::add_hall_server(const server_address& machine) {
  for (const auto& known : hall_)
    if (known.host == machine.host && known.port == machine.port) return;
  hall_.push_back(machine);
}

void session::learn(const hall_view& hall) {
  for (const auto& address : hall.servers)
    if (auto machine = parse_hall_address(address, server_)) add_hall_server(*machine);
}

result<protocol::hello> session::read_hello(ws_client& ws, milliseconds timeout,
                                            std::deque<protocol::frame>& pushes, hall_view& hall) {
  for (;;) {
    auto text = ws.receive(timeout);
    if (!text) return text.error();
    auto f = protocol::parse_server_frame(*text, server_frame_limits);
    if (!f) return f.error().code;
    if (f->type != "hello") {
      pushes.push_back(std::move(*f));
      continue;
    }
    auto h = protocol::decode_hello(*f);
    if (!h) return h.error().code;
    hall = {};
    if (const auto* serving = f->fields.if_contains("serving"); serving && serving->is_bool())
      hall.serving = serving->as_bool();
    if (const auto* servers = f->fields.if_contains("servers"); servers && servers->is_array())
      for (const auto& a : servers->get_array())
        if (a.is_string()) hall.servers.emplace_back(a.as_string());
    return std::move(*h);
  }
}

std::uint64_t session::server_now_ms() const {
  return static_cast<std::uint64_t>(local_now_ms() + clock_offset_ms_);
}

result<json::object> session::round_trip(std::uint64_t id, const std::string& text) {
  if (!ws_) return generic(std::errc::not_connected);
  if (auto sent = ws_->send_text(text, server_.timeout); !sent) return sent.error();
  const auto deadline = std::chrono::steady_clock::now() + server_.timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return generic(std::errc::timed_out);
    auto in = ws_->receive(left);
    if (!in) return in.error();
    auto f = protocol::parse_server_frame(*in, server_frame_limits);
    if (!f) return f.error().code;
    if (!f->id) {
      if (on_push_) {
        on_push_(*f);
      } else {
        pushes_.push_back(std::move(*f));
      }
      continue;
    }
    if (*f->id != id) continue;  // a late reply to an abandoned request
    if (f->type == "ok") return std::move(f->fields);
    last_error_ =
        server_error{string_field(f->fields, "code"), string_field(f->fields, "category"),
                     string_field(f->fields, "message"), string_field(f->fields, "field")};
    return error_from_name(last_error_.code);
  }
}

result<json::object> session::call(const protocol::request& r) {
  const std::uint64_t id = next_id_++;
  return round_trip(id, protocol::encode_request(id, r));
}

result<json::object> session::call(const protocol::hall_request& r) {
  const std::uint64_t id = next_id_++;
  return round_trip(id, protocol::encode_hall_request(id, r));
}

result<protocol::enroll_reply> session::enroll(std::string_view person, std::string_view code,
                                               const crypto::secret_key& device_key) {
  const auto pk = device_key.public_part();
  protocol::enroll_request r{
      std::string(person), std::string(code), pk,
      device_key.sign(
          crypto::enroll_digest(hello_.congress_id, person, canonical_enrollment_code(code), pk)),
      device_key.sign(crypto::possession_digest(hello_.congress_id, person, pk))};
  const std::uint64_t id = next_id_++;
  auto fields = round_trip(id, protocol::encode_request(id, r));
  if (!fields) return fields.error();
  return protocol::enroll_reply{string_field(*fields, "person")};
}

result<protocol::auth_reply> session::authenticate(const crypto::secret_key& device_key) {
  if (pinned_congress_pk_ && hello_.congress_pk != *pinned_congress_pk_)
    return trust_errc::congress_key_changed;
  const auto pk = device_key.public_part();
  crypto::byte_array<protocol::nonce_bytes> nonce{};
  crypto::system_random().fill(nonce);
  protocol::auth_request r{
      pk, nonce,
      device_key.sign(crypto::auth_digest(hello_.congress_id, hello_.server_nonce, nonce, pk))};
  const std::uint64_t id = next_id_++;
  auto text = protocol::encode_request(id, r);
  auto fields = round_trip(id, text);
  if (!fields) return fields.error();
  protocol::frame f{id, "ok", std::move(*fields)};
  auto reply = protocol::decode_reply<protocol::auth_reply>(f);
  if (!reply) return reply.error().code;
  device_key_ = device_key;
  person_ = reply->person;
  return std::move(*reply);
}

result<void> session::reconnect(milliseconds within) {
  close();
  const auto deadline = std::chrono::steady_clock::now() + within;
  const std::string congress_id = hello_.congress_id;
  milliseconds pause{50};
  boost::system::error_code last = generic(std::errc::timed_out);
  while (std::chrono::steady_clock::now() < deadline) {
    // One round: the machine it was on, then the others of the hall.
    std::vector<server_address> round{server_};
    for (const auto& m : hall_)
      if (m.host != server_.host || m.port != server_.port) round.push_back(m);
    for (const auto& machine : round) {
      if (std::chrono::steady_clock::now() >= deadline) break;
      auto ws = ws_client::connect(machine.host, machine.port, machine.tls, machine.timeout);
      if (!ws) {
        last = ws.error();
        continue;
      }
      hall_view hall;
      auto hello = read_hello(*ws, machine.timeout, pushes_, hall);
      if (!hello) {
        last = hello.error();
        continue;
      }
      learn(hall);
      // Another hall, a congress key not the pinned one, or a standby that does not serve yet:
      // the next machine.
      if (hello->congress_id != congress_id ||
          (pinned_congress_pk_ && hello->congress_pk != *pinned_congress_pk_) || !hall.serving) {
        last = !hall.serving ? generic(std::errc::connection_refused)
                             : boost::system::error_code(trust_errc::congress_key_changed);
        (void)ws->close(milliseconds(200));
        if (hall.serving && round.size() == 1) return last;  // the only machine: refused
        continue;
      }
      server_ = machine;
      ws_ = std::move(*ws);
      hello_ = std::move(*hello);
      serving_ = hall.serving;
      clock_offset_ms_ = static_cast<std::int64_t>(hello_.server_unix_ms) - local_now_ms();
      if (!device_key_) return {};
      auto key = *device_key_;
      auto auth = authenticate(key);
      if (auth) return {};
      last = auth.error();
      ws_.reset();
      if (last_error_.code == "not_serving") continue;  // it stopped serving meanwhile
      if (last.category() == plenum_category() || last.category() == trust_category())
        return last;  // refused: do not retry
    }
    std::this_thread::sleep_for(pause);
    pause = std::min(pause * 2, milliseconds(1000));
  }
  return last;
}

result<protocol::frame> session::next_push(milliseconds timeout) {
  if (!pushes_.empty()) {
    auto f = std::move(pushes_.front());
    pushes_.pop_front();
    return f;
  }
  if (!ws_) return generic(std::errc::not_connected);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    const auto left =
        std::chrono::duration_cast<milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) return generic(std::errc::timed_out);
    auto in = ws_->receive(left);
    if (!in) return in.error();
    auto f = protocol::parse_server_frame(*in, server_frame_limits);
    if (!f) return f.error().code;
    if (!f->id) return std::move(*f);
  }
}

void session::close() {
  if (ws_) (void)ws_->close(milliseconds(1000));
  ws_.reset();
}

}  // namespace plenum::clients
