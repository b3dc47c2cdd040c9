#include "plenum/crypto/secret_bytes.hpp"

#include <sodium.h>

namespace plenum::crypto {

void secret_bytes::wipe() {
  if (!bytes_.empty()) sodium_memzero(bytes_.data(), bytes_.size());
}

}  // namespace plenum::crypto
