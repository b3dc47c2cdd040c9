#include "plenum/clients/sheet/fingerprint.hpp"

namespace plenum::clients::sheet {

std::string fingerprint(const crypto::public_key& key) {
  const std::string hex = key.hex();
  std::string out;
  out.reserve(hex.size() + hex.size() / 4);
  for (std::size_t i = 0; i < hex.size(); i += 4) {
    if (i != 0) out += ' ';
    out.append(hex, i, 4);
  }
  return out;
}

}  // namespace plenum::clients::sheet
