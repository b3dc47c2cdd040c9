#include "domain/generated_ids.hpp"

#include <algorithm>

namespace plenum::server::domain {

namespace {

// prefix + n for the smallest n ≥ start that `taken` refuses.
template <typename Taken>
std::string first_free(const std::string& prefix, std::size_t start, Taken taken) {
  for (std::size_t n = start;; ++n) {
    std::string id = prefix + std::to_string(n);
    if (!taken(id)) return id;
  }
}

}  // namespace

std::string next_sitting_id(const congress_state& state) {
  return first_free("S", state.sittings().size() + 1,
                    [&](const std::string& id) { return state.sittings().contains(id); });
}

std::string next_item_id(const sitting& s) {
  return first_free(s.id + "-I", s.items.size() + 1,
                    [&](const std::string& id) { return s.items.contains(id); });
}

std::string next_vote_id(const congress_state& state, const std::string& sitting_id) {
  std::size_t in_sitting = 0;
  for (const auto& [id, v] : state.votes()) in_sitting += v.sitting_id == sitting_id ? 1 : 0;
  return first_free(sitting_id + "-V", in_sitting + 1,
                    [&](const std::string& id) { return state.votes().contains(id); });
}

std::string next_material_id(const agenda_item& item) {
  return first_free(item.id + "-M", item.materials.size() + 1, [&](const std::string& id) {
    return std::any_of(item.materials.begin(), item.materials.end(),
                       [&](const material& m) { return m.id == id; });
  });
}

std::string next_proposal_id(const congress_state& state) {
  return first_free("P", state.proposals().size() + 1,
                    [&](const std::string& id) { return state.proposals().contains(id); });
}

std::int64_t next_item_order(const sitting& s) {
  std::int64_t last = 0;
  for (const auto& [id, item] : s.items) last = std::max(last, item.order);
  return last + 1;
}

}  // namespace plenum::server::domain
