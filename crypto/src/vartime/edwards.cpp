#include "vartime/edwards.hpp"

namespace plenum::crypto::vartime {

bool ristretto_equal(const extended_point& p, const extended_point& q) {
  return equal(p.x * q.y, p.y * q.x) || equal(p.y * q.y, p.x * q.x);
}

}  // namespace plenum::crypto::vartime
