#include "net/web_path.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <string>
#include <system_error>
#include <utility>

namespace plenum::server::net {
namespace {

using boost::system::errc::invalid_argument;
using boost::system::errc::no_such_file_or_directory;

boost::system::error_code code(boost::system::errc::errc_t e) {
  return boost::system::errc::make_error_code(e);
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> percent_decode(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    if (i + 2 >= s.size()) return std::nullopt;
    int hi = hex_value(s[i + 1]);
    int lo = hex_value(s[i + 2]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

bool is_within(const std::filesystem::path& root, const std::filesystem::path& p) {
  auto [root_end, p_it] = std::mismatch(root.begin(), root.end(), p.begin(), p.end());
  return root_end == root.end();
}

// The canonical regular file for `candidate`, if it exists inside `root`.
plenum::result<std::filesystem::path> existing_file(const std::filesystem::path& root,
                                                    const std::filesystem::path& candidate) {
  std::error_code ec;
  std::filesystem::path real = std::filesystem::canonical(candidate, ec);
  if (ec || !is_within(root, real)) return code(no_such_file_or_directory);
  if (std::filesystem::is_directory(real, ec)) {
    real = std::filesystem::canonical(real / "index.html", ec);
    if (ec || !is_within(root, real)) return code(no_such_file_or_directory);
  }
  if (!std::filesystem::is_regular_file(real, ec) || ec) return code(no_such_file_or_directory);
  return real;
}

}  // namespace

plenum::result<std::filesystem::path> resolve_web_path(const std::filesystem::path& root,
                                                       std::string_view target) {
  target = target.substr(0, target.find_first_of("?#"));
  if (target.empty() || target.front() != '/') return code(invalid_argument);

  std::optional<std::string> decoded = percent_decode(target);
  if (!decoded) return code(invalid_argument);
  if (decoded->find('\0') != std::string::npos || decoded->find('\\') != std::string::npos) {
    return code(invalid_argument);
  }

  std::filesystem::path relative;
  bool hidden = false;
  std::string_view rest = *decoded;
  while (!rest.empty()) {
    std::size_t slash = rest.find('/');
    std::string_view segment = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view{} : rest.substr(slash + 1);
    if (segment.empty()) continue;
    if (segment == "." || segment == "..") return code(invalid_argument);
    if (segment.front() == '.') hidden = true;
    relative /= std::string(segment);
  }
  if (hidden) return code(no_such_file_or_directory);
  if (decoded->back() == '/' || relative.empty()) relative /= "index.html";
  return existing_file(root, root / relative);
}

std::string_view mime_type(const std::filesystem::path& file) noexcept {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 19> types{{
      {".html", "text/html; charset=utf-8"},
      {".htm", "text/html; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".webmanifest", "application/manifest+json"},
      {".wasm", "application/wasm"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".pdf", "application/pdf"},
  }};
  std::string ext = file.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  for (const auto& [e, type] : types) {
    if (e == ext) return type;
  }
  return "application/octet-stream";
}

}  // namespace plenum::server::net
