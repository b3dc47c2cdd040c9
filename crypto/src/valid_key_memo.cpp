#include "valid_key_memo.hpp"

#include <mutex>
#include <set>

namespace plenum::crypto::detail {

namespace {

constexpr std::size_t most_keys = 65'536;

// Ordered, not hashed: the keys come from the network, and a tree's lookup stays logarithmic
// whatever keys a sender chooses. Public keys only: whether one was seen is no secret.
struct memo {
  std::mutex mutex;
  std::set<byte_array<32>> keys;
};

memo& the_memo() {
  static memo m;
  return m;
}

}  // namespace

bool known_valid_key(const byte_array<32>& key) {
  auto& m = the_memo();
  std::lock_guard lock(m.mutex);
  return m.keys.contains(key);
}

void remember_valid_key(const byte_array<32>& key) {
  auto& m = the_memo();
  std::lock_guard lock(m.mutex);
  if (m.keys.size() >= most_keys) m.keys.clear();
  m.keys.insert(key);
}

}  // namespace plenum::crypto::detail
