// A small structured logger for plenumd: one logfmt line per event on stderr,
// e.g. `ts=2026-11-27T06:30:00.123Z level=info msg=listening port=8443`.
#pragma once

#include <chrono>
#include <concepts>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace plenum::server::log {

/// Severity of a line; lines below the minimum level are dropped.
enum class level { debug, info, warn, error };

/// The name written after `level=` ("info").
[[nodiscard]] std::string_view level_name(level l) noexcept;

/// Parses "debug", "info", "warn" or "error"; nullopt when the name is unknown.
[[nodiscard]] std::optional<level> parse_level(std::string_view name) noexcept;

/// One `key=value` pair of a line. Keys are written as given (use [a-z_]); values are
/// quoted and escaped when they contain spaces, quotes, `=` or control characters.
struct field {
  field(std::string_view k, std::string_view v) : key(k), value(v) {}
  field(std::string_view k, const std::string& v) : key(k), value(v) {}
  field(std::string_view k, const char* v) : key(k), value(v) {}
  template <std::integral T>
  field(std::string_view k, T v) : key(k), value(std::to_string(v)) {}
  field(std::string_view k, bool v) : key(k), value(v ? "true" : "false") {}

  std::string_view key;
  std::string value;
};

/// Formats one line (with trailing newline) without writing it. Pure; thread-safe.
[[nodiscard]] std::string format_line(std::chrono::system_clock::time_point ts, level l,
                                      std::string_view msg, std::initializer_list<field> fields);

/// Sets the minimum level written by `write` (default: info). Thread-safe.
void set_min_level(level l) noexcept;

/// True when lines of level `l` are written. Thread-safe.
[[nodiscard]] bool enabled(level l) noexcept;

/// Writes one line to stderr with the current time, if `l` is enabled. Thread-safe: lines
/// from concurrent callers never interleave. Never throws (a failed write is dropped).
void write(level l, std::string_view msg, std::initializer_list<field> fields = {}) noexcept;

/// Shorthands for `write` at a fixed level.
inline void debug(std::string_view msg, std::initializer_list<field> fields = {}) noexcept {
  write(level::debug, msg, fields);
}
inline void info(std::string_view msg, std::initializer_list<field> fields = {}) noexcept {
  write(level::info, msg, fields);
}
inline void warn(std::string_view msg, std::initializer_list<field> fields = {}) noexcept {
  write(level::warn, msg, fields);
}
inline void error(std::string_view msg, std::initializer_list<field> fields = {}) noexcept {
  write(level::error, msg, fields);
}

}  // namespace plenum::server::log
