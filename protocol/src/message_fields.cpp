#include "message_fields.hpp"

namespace plenum::protocol::wire {

decoded<std::vector<std::string>> names::read(const object_reader& r, std::string_view name) const {
  auto items = r.array(name, max_size, min_size);
  if (!items) return std::move(items).error();
  const boost::json::array& list = items->get();
  const field_path at = r.path(name);
  std::vector<std::string> out;
  out.reserve(list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    auto one = read_string(list[i], at.at(i), max_each_bytes, 1);
    if (!one) return std::move(one).error();
    out.emplace_back(*one);
  }
  if (max_short_bytes != 0) {
    for (const auto& one : out) {
      if (one.size() > max_short_bytes) {
        return refuse(errc::invalid_field, at, "a person number is too long");
      }
    }
  }
  return out;
}

void names::write(boost::json::object& out, std::string_view name,
                  const std::vector<std::string>& v) {
  boost::json::array items;
  for (const auto& one : v) items.emplace_back(one);
  out.emplace(name, std::move(items));
}

}  // namespace plenum::protocol::wire
