#include "plenum/clients/verify/record_files.hpp"

#include <fstream>
#include <sstream>
#include <string>

namespace plenum::clients::verify {

namespace {

std::optional<std::string> read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  return std::move(text).str();
}

protocol::decode_error located(protocol::decode_error e, std::string_view file, std::size_t line) {
  std::string where = std::string(file) + ":" + std::to_string(line);
  e.field = e.field.empty() ? where : where + ": " + e.field;
  return e;
}

// Calls `each(line_text, line_number)` for every line of `text`; the file must end with a
// newline (or be empty) and hold no empty line.
template <typename Each>
std::optional<protocol::decode_error> for_each_line(std::string_view text, std::string_view file,
                                                    Each&& each) {
  std::size_t number = 0;
  while (!text.empty()) {
    ++number;
    const auto end = text.find('\n');
    if (end == std::string_view::npos)
      return located(protocol::refuse(errc::malformed_message, "the last line has no newline"),
                     file, number);
    const auto line = text.substr(0, end);
    text.remove_prefix(end + 1);
    if (line.empty())
      return located(protocol::refuse(errc::malformed_message, "empty line"), file, number);
    if (auto error = each(line, number)) return error;
  }
  return std::nullopt;
}

protocol::decode_error unreadable(std::string_view file) {
  auto e = protocol::refuse(errc::malformed_message, "cannot be read");
  e.field = std::string(file);
  return e;
}

}  // namespace

protocol::decoded<record> parse_record(std::string_view header_text, std::string_view events_text,
                                       std::string_view receipts_text) {
  auto header = protocol::parse_record_header(header_text);
  if (!header) return located(header.error(), protocol::record_header_file, 1);
  record out{std::move(*header), {}, {}};

  auto events_error = for_each_line(
      events_text, protocol::record_events_file,
      [&](std::string_view line, std::size_t number) -> std::optional<protocol::decode_error> {
        auto e = protocol::parse_event_line(line);
        if (!e) return located(e.error(), protocol::record_events_file, number);
        out.events.push_back(std::move(*e));
        return std::nullopt;
      });
  if (events_error) return *events_error;

  auto receipts_error = for_each_line(
      receipts_text, protocol::record_receipts_file,
      [&](std::string_view line, std::size_t number) -> std::optional<protocol::decode_error> {
        auto r = protocol::parse_receipt_line(line);
        if (!r) return located(r.error(), protocol::record_receipts_file, number);
        out.receipts.push_back(std::move(*r));
        return std::nullopt;
      });
  if (receipts_error) return *receipts_error;
  return out;
}

protocol::decoded<record> load_record(const std::filesystem::path& dir) {
  const auto header_text = read_file(dir / protocol::record_header_file);
  if (!header_text) return unreadable(protocol::record_header_file);
  const auto events_text = read_file(dir / protocol::record_events_file);
  if (!events_text) return unreadable(protocol::record_events_file);
  const auto receipts_text = read_file(dir / protocol::record_receipts_file);
  if (!receipts_text) return unreadable(protocol::record_receipts_file);
  return parse_record(*header_text, *events_text, *receipts_text);
}

}  // namespace plenum::clients::verify
