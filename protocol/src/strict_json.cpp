#include "plenum/protocol/strict_json.hpp"

#include <boost/json/basic_parser_impl.hpp>
#include <boost/json/error.hpp>
#include <boost/json/value_stack.hpp>
#include <iterator>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

namespace plenum::protocol {

namespace json = boost::json;

namespace {

// The keys of the objects being parsed, innermost last, so that a repeated key is seen. An
// object's keys are compared one by one while it has few (every object the protocol defines),
// through a hash set once it has many; memory is allocated only for long keys and large
// objects.
class open_object_keys {
 public:
  /// An object begins.
  void open() { objects_.push_back({keys_.size(), nullptr}); }
  /// The innermost object ends.
  void close() {
    keys_.resize(objects_.back().first_key);
    objects_.pop_back();
  }
  /// Adds `key` to the innermost object; false when it already holds it.
  bool add(const std::string& key) {
    auto& top = objects_.back();
    if (top.many) return top.many->insert(key).second;
    for (std::size_t i = top.first_key; i < keys_.size(); ++i)
      if (keys_[i] == key) return false;
    keys_.push_back(key);
    if (keys_.size() - top.first_key >= few) {
      top.many = std::make_unique<std::unordered_set<std::string>>(
          std::make_move_iterator(keys_.begin() + static_cast<std::ptrdiff_t>(top.first_key)),
          std::make_move_iterator(keys_.end()));
      keys_.resize(top.first_key);
    }
    return true;
  }

 private:
  static constexpr std::size_t few = 32;
  struct open_object {
    std::size_t first_key;  ///< its keys in keys_ from here on, unless in `many`
    std::unique_ptr<std::unordered_set<std::string>> many;
  };
  std::vector<std::string> keys_;
  std::vector<open_object> objects_;
};

// A basic_parser handler that builds the value like boost::json::parser does, and also watches
// the keys of every open object so that a repeated key is seen.
class strict_handler {
 public:
  static constexpr std::size_t max_object_size = json::object::max_size();
  static constexpr std::size_t max_array_size = json::array::max_size();
  static constexpr std::size_t max_key_size = json::string::max_size();
  static constexpr std::size_t max_string_size = json::string::max_size();

  explicit strict_handler(json::storage_ptr storage) { stack_.reset(std::move(storage)); }

  json::value release() { return stack_.release(); }
  /// The repeated key that stopped the parse, if one did.
  const std::optional<std::string>& duplicate_key() const { return duplicate_; }

  bool on_document_begin(json::error_code&) { return true; }
  bool on_document_end(json::error_code&) { return true; }
  bool on_object_begin(json::error_code&) {
    keys_.open();
    return true;
  }
  bool on_object_end(std::size_t n, json::error_code&) {
    keys_.close();
    stack_.push_object(n);
    return true;
  }
  bool on_array_begin(json::error_code&) { return true; }
  bool on_array_end(std::size_t n, json::error_code&) {
    stack_.push_array(n);
    return true;
  }
  bool on_key_part(json::string_view s, std::size_t, json::error_code&) {
    key_.append(s.data(), s.size());
    stack_.push_chars(s);
    return true;
  }
  bool on_key(json::string_view s, std::size_t, json::error_code& ec) {
    key_.append(s.data(), s.size());
    if (!keys_.add(key_)) {
      duplicate_ = key_;
      ec = json::error::syntax;
      return false;
    }
    key_.clear();
    stack_.push_key(s);
    return true;
  }
  bool on_string_part(json::string_view s, std::size_t, json::error_code&) {
    stack_.push_chars(s);
    return true;
  }
  bool on_string(json::string_view s, std::size_t, json::error_code&) {
    stack_.push_string(s);
    return true;
  }
  bool on_number_part(json::string_view, json::error_code&) { return true; }
  bool on_int64(std::int64_t i, json::string_view, json::error_code&) {
    stack_.push_int64(i);
    return true;
  }
  bool on_uint64(std::uint64_t u, json::string_view, json::error_code&) {
    stack_.push_uint64(u);
    return true;
  }
  bool on_double(double d, json::string_view, json::error_code&) {
    stack_.push_double(d);
    return true;
  }
  bool on_bool(bool b, json::error_code&) {
    stack_.push_bool(b);
    return true;
  }
  bool on_null(json::error_code&) {
    stack_.push_null();
    return true;
  }
  bool on_comment_part(json::string_view, json::error_code&) { return true; }
  bool on_comment(json::string_view, json::error_code&) { return true; }

 private:
  json::value_stack stack_;
  open_object_keys keys_;
  std::string key_;
  std::optional<std::string> duplicate_;
};

// Whether `text` is well-formed UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing
// above U+10FFFF). Only used to explain a parse failure; the parser itself validates.
bool is_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t len = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xbf;
    if (c < 0x80) {
      ++i;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      len = 1;
    } else if (c >= 0xe0 && c <= 0xef) {
      len = 2;
      if (c == 0xe0) lo = 0xa0;
      if (c == 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      len = 3;
      if (c == 0xf0) lo = 0x90;
      if (c == 0xf4) hi = 0x8f;
    } else {
      return false;
    }
    if (i + len >= text.size()) return false;
    for (std::size_t k = 1; k <= len; ++k) {
      const auto b = static_cast<unsigned char>(text[i + k]);
      const unsigned char min = k == 1 ? lo : 0x80;
      const unsigned char max = k == 1 ? hi : 0xbf;
      if (b < min || b > max) return false;
    }
    i += len + 1;
  }
  return true;
}

}  // namespace

decoded<json::value> parse_strict_json(std::string_view text, const json_limits& limits,
                                       json::storage_ptr storage) {
  if (text.size() > limits.max_bytes) {
    return refuse(errc::message_too_large, "the frame has " + std::to_string(text.size()) +
                                               " bytes; the limit is " +
                                               std::to_string(limits.max_bytes));
  }
  json::parse_options options;
  options.max_depth = limits.max_depth;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  options.allow_invalid_utf8 = false;
  json::basic_parser<strict_handler> parser(options, std::move(storage));
  json::error_code ec;
  const std::size_t used = parser.write_some(false, text.data(), text.size(), ec);
  if (!ec && used < text.size()) ec = json::error::extra_data;
  if (!ec && !parser.done()) ec = json::error::incomplete;
  if (ec) {
    if (parser.handler().duplicate_key()) {
      return refuse(errc::malformed_message,
                    "duplicate key \"" + *parser.handler().duplicate_key() + "\"");
    }
    if (ec == json::error::too_deep) {
      return refuse(errc::malformed_message,
                    "nested deeper than " + std::to_string(limits.max_depth) + " levels");
    }
    if (!is_utf8(text)) return refuse(errc::malformed_message, "not valid UTF-8");
    return refuse(errc::malformed_message, "not valid JSON: " + ec.message());
  }
  return parser.handler().release();
}

}  // namespace plenum::protocol
