#include "ballot_parse.hpp"

#include <utility>

namespace plenum::test {

using crypto::ballot_status;
using crypto::from_hex_fixed;
using crypto::point;
using crypto::range_proof;
using crypto::scalar;

namespace {

// Records the first failure; later fields are still walked but cannot change it.
class parser {
 public:
  [[nodiscard]] ballot_status status() const { return status_; }

  std::optional<point> point_of(const std::string& hex, bool forbid_identity) {
    auto bytes = from_hex_fixed<32>(hex);
    if (!bytes) return fail<point>(ballot_status::malformed);
    auto p = point::from_bytes(*bytes);
    if (!p || (forbid_identity && p->is_identity())) {
      return fail<point>(ballot_status::invalid_point);
    }
    return p;
  }

  std::optional<scalar> scalar_of(const std::string& hex) {
    auto bytes = from_hex_fixed<32>(hex);
    if (!bytes) return fail<scalar>(ballot_status::malformed);
    auto s = scalar::from_bytes(*bytes);
    if (!s) return fail<scalar>(ballot_status::non_canonical_scalar);
    return s;
  }

  range_proof proof_of(const std::vector<raw_proof_entry>& raw) {
    range_proof proof;
    proof.reserve(raw.size());
    for (const raw_proof_entry& e : raw) {
      auto c = scalar_of(e.c);
      auto z = scalar_of(e.z);
      if (c && z) proof.push_back({*c, *z});
    }
    return proof;
  }

  template <typename T>
  std::optional<T> fail(ballot_status status) {
    if (status_ == ballot_status::ok) status_ = status;
    return std::nullopt;
  }

 private:
  ballot_status status_ = ballot_status::ok;
};

}  // namespace

parsed_ballot parse_ballot(const raw_ballot& raw) {
  parser p;
  auto ballot_id = from_hex_fixed<32>(raw.ballot_id);
  if (!ballot_id) (void)p.fail<int>(ballot_status::malformed);
  auto voter_bytes = from_hex_fixed<32>(raw.voter_pk);
  if (!voter_bytes) (void)p.fail<int>(ballot_status::malformed);
  std::optional<crypto::public_key> voter_pk;
  if (voter_bytes) {
    voter_pk = crypto::public_key::from_bytes(*voter_bytes);
    if (!voter_pk) (void)p.fail<int>(ballot_status::invalid_point);
  }

  std::vector<crypto::encrypted_contest> contests;
  contests.reserve(raw.contests.size());
  for (const raw_contest& rc : raw.contests) {
    crypto::encrypted_contest contest;
    contest.options.reserve(rc.options.size());
    for (const raw_option& ro : rc.options) {
      auto alpha = p.point_of(ro.alpha, true);
      auto beta = p.point_of(ro.beta, false);
      range_proof proof = p.proof_of(ro.proof);
      if (alpha && beta) contest.options.push_back({{*alpha, *beta}, std::move(proof)});
    }
    contest.proof = p.proof_of(rc.proof);
    contests.push_back(std::move(contest));
  }
  std::vector<range_proof> constraint_proofs;
  constraint_proofs.reserve(raw.constraint_proofs.size());
  for (const auto& rq : raw.constraint_proofs) constraint_proofs.push_back(p.proof_of(rq));

  auto sig = crypto::signature::from_hex(raw.signature);
  if (!sig) (void)p.fail<int>(ballot_status::malformed);

  if (p.status() != ballot_status::ok) return {std::nullopt, p.status()};
  return {crypto::ballot{raw.vote_id, *ballot_id, *voter_pk, std::move(contests),
                         std::move(constraint_proofs), *sig},
          ballot_status::ok};
}

}  // namespace plenum::test
