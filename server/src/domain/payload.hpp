// Reading event payloads and command JSON: field accessors that throw `malformed_payload` on a
// missing or mistyped field, so that `apply` can reject a foreign event before changing state.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

namespace plenum::server::domain {

/// Thrown by the accessors below; caught by congress_state::apply.
class malformed_payload : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

[[nodiscard]] const boost::json::value& field(const boost::json::object& o, std::string_view key);
[[nodiscard]] std::string str_field(const boost::json::object& o, std::string_view key);
[[nodiscard]] std::uint64_t u64_field(const boost::json::object& o, std::string_view key);
[[nodiscard]] std::int64_t i64_field(const boost::json::object& o, std::string_view key);
[[nodiscard]] bool bool_field(const boost::json::object& o, std::string_view key);
[[nodiscard]] const boost::json::object& obj_field(const boost::json::object& o,
                                                   std::string_view key);
[[nodiscard]] const boost::json::array& arr_field(const boost::json::object& o,
                                                  std::string_view key);
[[nodiscard]] const boost::json::object& as_obj(const boost::json::value& v);
[[nodiscard]] std::string as_str(const boost::json::value& v);
[[nodiscard]] std::uint64_t as_u64(const boost::json::value& v);

}  // namespace plenum::server::domain
