#include "kat.hpp"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace plenum::test {

boost::json::value load_vector_file(const std::string& name) {
  std::ifstream in(std::string(PLENUM_VECTORS_DIR) + "/" + name);
  if (!in) throw std::runtime_error("cannot open test vector file " + name);
  std::stringstream text;
  text << in.rdbuf();
  return boost::json::parse(text.str());
}

const boost::json::object& kat() {
  static const boost::json::value doc = load_vector_file("cvp1-kat.json");
  return doc.as_object();
}

namespace {
template <typename T>
T required(std::optional<T> value, const boost::json::value& v, const char* what) {
  if (!value) throw std::runtime_error(std::string("malformed ") + what + ": " + serialize(v));
  return std::move(*value);
}
}  // namespace

crypto::byte_vector hex_field(const boost::json::value& v) {
  return required(crypto::from_hex(v.as_string()), v, "hex");
}
crypto::point point_field(const boost::json::value& v) {
  return required(crypto::point::from_hex(v.as_string()), v, "point");
}
crypto::scalar scalar_field(const boost::json::value& v) {
  return required(crypto::scalar::from_hex(v.as_string()), v, "scalar");
}
crypto::public_key public_key_field(const boost::json::value& v) {
  return required(crypto::public_key::from_hex(v.as_string()), v, "public key");
}
crypto::secret_key secret_key_field(const boost::json::value& v) {
  return required(crypto::secret_key::from_hex(v.as_string()), v, "secret key");
}
crypto::signature signature_field(const boost::json::value& v) {
  return required(crypto::signature::from_hex(v.as_string()), v, "signature");
}

}  // namespace plenum::test
