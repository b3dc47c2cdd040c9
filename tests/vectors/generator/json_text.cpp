#include "json_text.hpp"

#include <boost/json/serialize.hpp>

namespace plenum::test::vectors {

namespace json = boost::json;

namespace {

void newline(std::string& out, std::size_t depth) {
  out += '\n';
  out.append(depth, ' ');
}

void write(std::string& out, const json::value& v, std::size_t depth) {
  if (const auto* object = v.if_object(); object != nullptr && !object->empty()) {
    out += '{';
    bool first = true;
    for (const auto& member : *object) {
      if (!first) out += ',';
      first = false;
      newline(out, depth + 1);
      out += json::serialize(json::string(member.key()));
      out += ": ";
      write(out, member.value(), depth + 1);
    }
    newline(out, depth);
    out += '}';
  } else if (const auto* array = v.if_array(); array != nullptr && !array->empty()) {
    out += '[';
    bool first = true;
    for (const auto& element : *array) {
      if (!first) out += ',';
      first = false;
      newline(out, depth + 1);
      write(out, element, depth + 1);
    }
    newline(out, depth);
    out += ']';
  } else {
    out += json::serialize(v);
  }
}

}  // namespace

std::string indented_json(const json::value& v) {
  std::string out;
  write(out, v, 0);
  out += '\n';
  return out;
}

}  // namespace plenum::test::vectors
