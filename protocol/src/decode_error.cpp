#include "plenum/protocol/decode_error.hpp"

#include <boost/system/system_error.hpp>
#include <boost/throw_exception.hpp>
#include <vector>

namespace plenum::protocol {

std::string field_path::str() const {
  std::vector<const field_path*> chain;
  for (const field_path* node = this; node != nullptr && node->parent_ != nullptr;
       node = node->parent_) {
    chain.push_back(node);
  }
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    const field_path& node = **it;
    if (node.is_index_) {
      out += '[';
      out += std::to_string(node.index_);
      out += ']';
    } else {
      if (!out.empty()) out += '.';
      out += node.key_;
    }
  }
  return out;
}

std::string decode_error::message() const {
  if (field.empty()) return reason;
  return field + ": " + reason;
}

decode_error refuse(errc code, const field_path& path, std::string_view reason) {
  return decode_error{code, path.str(), std::string(reason), std::nullopt};
}

decode_error refuse(errc code, std::string_view reason) {
  return decode_error{code, {}, std::string(reason), std::nullopt};
}

void throw_exception_from_error(const decode_error& e, const boost::source_location& location) {
  boost::throw_exception(boost::system::system_error(e.code, e.message()), location);
}

}  // namespace plenum::protocol
