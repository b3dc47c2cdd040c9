#include "service/result_embargo.hpp"

#include <boost/json/parse.hpp>

namespace plenum::server::service {

namespace json = boost::json;

namespace {

// The string member `key` of a payload text, or empty.
std::string member_of(const std::string& payload, std::string_view key) {
  boost::system::error_code ec;
  json::value v = json::parse(payload, ec);
  if (ec || !v.is_object()) return {};
  const auto* m = v.as_object().if_contains(key);
  return m != nullptr && m->is_string() ? std::string(m->as_string()) : std::string();
}

}  // namespace

std::optional<result_embargo::lifted> result_embargo::observe(const storage::stored_event& e) {
  const std::string& t = e.type;
  // Ballots, the bulk of a board, are never sealed: decide before parsing anything.
  const bool result_part = t == "partial_submitted" || t == "vote_decided" || t == "result_signed";
  // What a result left for the year after tells the result: sealed with it while it is.
  const bool consequence = t == "resolution_adopted" || t == "rectification_opened";
  if (!result_part && !consequence && t != "vote_created" && t != "result_announced")
    return std::nullopt;

  std::lock_guard lock(mutex_);
  if (t == "vote_created") {
    // A run-off or further round names the vote whose result caused it.
    const std::string origin = member_of(e.payload, "follow_up_of");
    if (origin.empty()) return std::nullopt;
    auto it = votes_.find(origin);
    if (it == votes_.end()) return std::nullopt;
    it->second.seqs.insert(e.seq);
    sealed_.insert(e.seq);
    return std::nullopt;
  }
  const std::string vote_id = member_of(e.payload, "vote_id");
  if (vote_id.empty()) return std::nullopt;
  if (consequence) {
    auto it = votes_.find(vote_id);
    if (it == votes_.end()) return std::nullopt;
    it->second.seqs.insert(e.seq);
    sealed_.insert(e.seq);
    return std::nullopt;
  }
  if (result_part) {
    auto& seal = votes_[vote_id];
    seal.seqs.insert(e.seq);
    sealed_.insert(e.seq);
    if (t == "vote_decided") {
      seal.decided = true;
      seal.decided_payload = e.payload;
      seal.decided_seq = e.seq;
    }
    return std::nullopt;
  }
  // result_announced: everything about the vote is public from now on.
  auto it = votes_.find(vote_id);
  if (it == votes_.end()) return std::nullopt;
  for (auto seq : it->second.seqs) sealed_.erase(seq);
  lifted out{vote_id, std::move(it->second.decided_payload), it->second.decided_seq};
  votes_.erase(it);
  return out;
}

bool result_embargo::sealed(std::uint64_t seq) const {
  std::lock_guard lock(mutex_);
  return sealed_.contains(seq);
}

bool result_embargo::under_embargo(std::string_view vote_id) const {
  std::lock_guard lock(mutex_);
  auto it = votes_.find(vote_id);
  return it != votes_.end() && it->second.decided;
}

bool result_embargo::any() const {
  std::lock_guard lock(mutex_);
  for (const auto& [id, seal] : votes_)
    if (seal.decided) return true;
  return false;
}

}  // namespace plenum::server::service
