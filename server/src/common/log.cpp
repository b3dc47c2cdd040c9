#include "common/log.hpp"

#include <atomic>
#include <cstdio>
#include <ctime>
#include <mutex>

namespace plenum::server::log {
namespace {

std::atomic<level> min_level{level::info};
std::mutex write_mutex;

bool needs_quotes(std::string_view v) {
  if (v.empty()) return true;
  for (char c : v) {
    auto u = static_cast<unsigned char>(c);
    if (u <= 0x20 || c == '"' || c == '=' || c == '\\' || u == 0x7f) return true;
  }
  return false;
}

void append_value(std::string& out, std::string_view v) {
  if (!needs_quotes(v)) {
    out += v;
    return;
  }
  out += '"';
  for (char c : v) {
    auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20 || u == 0x7f) {
          static constexpr char hex[] = "0123456789abcdef";
          out += "\\x";
          out += hex[u >> 4];
          out += hex[u & 0xf];
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

void append_timestamp(std::string& out, std::chrono::system_clock::time_point ts) {
  using namespace std::chrono;
  auto secs = time_point_cast<seconds>(ts);
  auto millis = duration_cast<milliseconds>(ts - secs).count();
  std::time_t t = system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec,
                static_cast<int>(millis));
  out += buf;
}

}  // namespace

std::string_view level_name(level l) noexcept {
  switch (l) {
    case level::debug:
      return "debug";
    case level::info:
      return "info";
    case level::warn:
      return "warn";
    case level::error:
      return "error";
  }
  return "unknown";
}

std::optional<level> parse_level(std::string_view name) noexcept {
  for (level l : {level::debug, level::info, level::warn, level::error}) {
    if (name == level_name(l)) return l;
  }
  return std::nullopt;
}

std::string format_line(std::chrono::system_clock::time_point ts, level l, std::string_view msg,
                        std::initializer_list<field> fields) {
  std::string out;
  out.reserve(64 + msg.size());
  out += "ts=";
  append_timestamp(out, ts);
  out += " level=";
  out += level_name(l);
  out += " msg=";
  append_value(out, msg);
  for (const auto& f : fields) {
    out += ' ';
    out += f.key;
    out += '=';
    append_value(out, f.value);
  }
  out += '\n';
  return out;
}

void set_min_level(level l) noexcept { min_level.store(l, std::memory_order_relaxed); }

bool enabled(level l) noexcept { return l >= min_level.load(std::memory_order_relaxed); }

void write(level l, std::string_view msg, std::initializer_list<field> fields) noexcept {
  if (!enabled(l)) return;
  try {
    std::string line = format_line(std::chrono::system_clock::now(), l, msg, fields);
    std::lock_guard lock(write_mutex);
    std::fwrite(line.data(), 1, line.size(), stderr);
    std::fflush(stderr);
  } catch (...) {
    // Logging must never take the server down; a line that cannot be built is dropped.
  }
}

}  // namespace plenum::server::log
