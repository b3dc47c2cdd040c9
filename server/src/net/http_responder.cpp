#include "net/http_responder.hpp"

#include <string>

#include "net/web_path.hpp"

namespace plenum::server::net {
namespace {

http::response<http::string_body> text_response(http::status status, unsigned version,
                                                bool keep_alive, bool head,
                                                std::string_view csp = content_security_policy) {
  http::response<http::string_body> res{status, version};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  add_security_headers(res, csp);
  res.keep_alive(keep_alive);
  std::string body = std::to_string(static_cast<unsigned>(status)) + " " +
                     std::string(http::obsolete_reason(status)) + "\n";
  if (head) {
    res.content_length(body.size());
  } else {
    res.body() = std::move(body);
    res.prepare_payload();
  }
  return res;
}

http::message_generator healthz(unsigned version, bool keep_alive, bool head,
                                std::string_view csp) {
  http::response<http::string_body> res{http::status::ok, version};
  res.set(http::field::content_type, "application/json");
  res.set(http::field::cache_control, "no-store");
  add_security_headers(res, csp);
  res.keep_alive(keep_alive);
  std::string body = R"({"status":"ok"})";
  if (head) {
    res.content_length(body.size());
  } else {
    res.body() = std::move(body);
    res.prepare_payload();
  }
  return res;
}

http::message_generator static_file(const std::filesystem::path& web_root,
                                    const http::request<http::string_body>& req, bool keep_alive,
                                    std::string_view csp) {
  bool head = req.method() == http::verb::head;
  auto path = resolve_web_path(web_root, req.target());
  if (!path) {
    bool bad = path.error() == boost::system::errc::invalid_argument;
    return text_response(bad ? http::status::bad_request : http::status::not_found, req.version(),
                         keep_alive, head, csp);
  }

  beast::error_code ec;
  http::file_body::value_type file;
  file.open(path->c_str(), beast::file_mode::scan, ec);
  if (ec) return text_response(http::status::not_found, req.version(), keep_alive, head, csp);
  std::uint64_t size = file.size();

  auto set_headers = [&](http::fields& f) {
    std::string_view type = mime_type(*path);
    f.set(http::field::content_type, type);
    f.set(http::field::cache_control,
          type.starts_with("text/html") ? "no-cache" : "public, max-age=300");
    add_security_headers(f, csp);
  };
  if (head) {
    http::response<http::empty_body> res{http::status::ok, req.version()};
    set_headers(res);
    res.content_length(size);
    res.keep_alive(keep_alive);
    return res;
  }
  http::response<http::file_body> res{std::piecewise_construct, std::make_tuple(std::move(file)),
                                      std::make_tuple(http::status::ok, req.version())};
  set_headers(res);
  res.content_length(size);
  res.keep_alive(keep_alive);
  return res;
}

}  // namespace

std::string content_security_policy_for(const std::vector<std::string>& hall_servers) {
  std::string csp = content_security_policy;
  if (hall_servers.empty()) return csp;
  std::string sources = "connect-src 'self'";
  constexpr std::string_view https = "https://";
  for (const auto& address : hall_servers) {
    if (address.compare(0, https.size(), https) != 0) continue;
    sources += " wss://" + address.substr(https.size());
  }
  const std::string plain = "connect-src 'self'";
  csp.replace(csp.find(plain), plain.size(), sources);
  return csp;
}

void add_security_headers(http::fields& fields, std::string_view csp) {
  fields.set(http::field::server, "plenumd");
  fields.set(http::field::strict_transport_security, "max-age=31536000");
  fields.set("X-Content-Type-Options", "nosniff");
  fields.set("Content-Security-Policy", csp);
  fields.set("Referrer-Policy", "no-referrer");
  fields.set("X-Frame-Options", "DENY");
  fields.set("Cross-Origin-Opener-Policy", "same-origin");
}

http::message_generator respond(const std::filesystem::path& web_root,
                                const http::request<http::string_body>& req, bool allow_keep_alive,
                                std::string_view csp) {
  bool keep_alive = allow_keep_alive && req.keep_alive();
  bool head = req.method() == http::verb::head;
  if (req.method() != http::verb::get && !head) {
    auto res =
        text_response(http::status::method_not_allowed, req.version(), keep_alive, false, csp);
    res.set(http::field::allow, "GET, HEAD");
    return res;
  }
  std::string_view target = req.target();
  std::string_view path = target.substr(0, target.find('?'));
  if (path == "/healthz") return healthz(req.version(), keep_alive, head, csp);
  if (path == "/ws") {
    auto res = text_response(http::status::upgrade_required, req.version(), keep_alive, head, csp);
    res.set(http::field::upgrade, "websocket");
    return res;
  }
  return static_file(web_root, req, keep_alive, csp);
}

http::message_generator error_response(http::status status, unsigned version, bool keep_alive) {
  return text_response(status, version, keep_alive, false);
}

}  // namespace plenum::server::net
