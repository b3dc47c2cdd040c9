#include "downloads/file_name.hpp"

namespace plenum::server::downloads {

namespace {

constexpr std::size_t max_name_bytes = 150;

bool forbidden(unsigned char c) {
  return c < 0x20 || c == 0x7f ||
         std::string_view("\\/:*?\"<>|").find(static_cast<char>(c)) != std::string_view::npos;
}

}  // namespace

std::string safe_file_name(std::string_view text, std::string_view fallback) {
  std::string out;
  for (char ch : text) out.push_back(forbidden(static_cast<unsigned char>(ch)) ? '_' : ch);
  if (out.size() > max_name_bytes) {
    std::size_t cut = max_name_bytes;
    // Back up over continuation bytes (10xxxxxx) to the start of a character.
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
  }
  const auto first = out.find_first_not_of(" .");
  if (first == std::string::npos) return std::string(fallback);
  out.erase(0, first);
  out.erase(out.find_last_not_of(" .") + 1);
  return out;
}

}  // namespace plenum::server::downloads
