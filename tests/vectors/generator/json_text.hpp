// The text form of the committed vector files: indented JSON, one member or element per line.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace plenum::test::vectors {

/// `v` as JSON text indented by one space per level, members in their order, UTF-8 text as
/// is (only what JSON requires is escaped), ending with a newline; the layout of
/// cvp1-kat.json. Empty arrays and objects are written `[]` and `{}`.
[[nodiscard]] std::string indented_json(const boost::json::value& v);

}  // namespace plenum::test::vectors
