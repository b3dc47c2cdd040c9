#include "net/download_responder.hpp"

#include "net/http_responder.hpp"

namespace plenum::server::net {
namespace {

constexpr std::string_view not_found_text =
    "下载链接无效、已使用或已过期（每个链接只能下载一次，10 分钟内有效）。请回到秘书台重新导出。\n"
    "This download link is unknown, already used or expired (each link works once, for 10 "
    "minutes). Export again from the secretary desk.\n";

// A short text answer; a HEAD request gets its headers only.
http::response<http::string_body> plain(http::status status,
                                        const http::request<http::string_body>& req,
                                        bool keep_alive, std::string body) {
  http::response<http::string_body> res{status, req.version()};
  res.set(http::field::content_type, "text/plain; charset=utf-8");
  res.set(http::field::cache_control, "no-store");
  add_security_headers(res);
  res.keep_alive(keep_alive);
  if (req.method() == http::verb::head) {
    res.content_length(body.size());
  } else {
    res.body() = std::move(body);
    res.prepare_payload();
  }
  return res;
}

bool attr_char(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$&+-.^_`|~").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

bool is_download_target(std::string_view target) noexcept {
  return target.substr(0, target.find('?')).starts_with(downloads_prefix);
}

std::string percent_encode_filename(std::string_view name) {
  static constexpr char hex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    if (attr_char(c)) {
      out.push_back(ch);
    } else {
      out.push_back('%');
      out.push_back(hex[c >> 4]);
      out.push_back(hex[c & 15]);
    }
  }
  return out;
}

http::message_generator respond_download(download_source* downloads,
                                         const http::request<http::string_body>& req,
                                         bool keep_alive) {
  if (req.method() != http::verb::get) {
    auto res = plain(http::status::method_not_allowed, req, keep_alive, "405 Method Not Allowed\n");
    res.set(http::field::allow, "GET");
    return res;
  }
  std::string_view target = req.target();
  std::string_view token = target.substr(0, target.find('?')).substr(downloads_prefix.size());
  std::optional<download_file> file;
  if (downloads != nullptr) file = downloads->take(token);
  if (!file) {
    return plain(http::status::not_found, req, keep_alive, std::string(not_found_text));
  }
  beast::file posix_file;
  posix_file.native_handle(file->release());
  http::file_body::value_type body;
  beast::error_code ec;
  body.reset(std::move(posix_file), ec);
  if (ec) return plain(http::status::not_found, req, keep_alive, std::string(not_found_text));
  http::response<http::file_body> res{std::piecewise_construct, std::make_tuple(std::move(body)),
                                      std::make_tuple(http::status::ok, req.version())};
  res.set(http::field::content_type, file->content_type());
  res.set(http::field::content_disposition,
          "attachment; filename*=UTF-8''" + percent_encode_filename(file->filename()));
  res.set(http::field::cache_control, "no-store");
  add_security_headers(res);
  res.content_length(res.body().size());
  res.keep_alive(keep_alive);
  return res;
}

}  // namespace plenum::server::net
