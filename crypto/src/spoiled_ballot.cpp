#include "plenum/crypto/spoiled_ballot.hpp"

#include "plenum/crypto/elgamal.hpp"

namespace plenum::crypto {

std::string_view to_string(spoil_status status) {
  switch (status) {
    case spoil_status::ok:
      return "ok";
    case spoil_status::bad_ballot:
      return "bad_ballot";
    case spoil_status::malformed_nonces:
      return "malformed_nonces";
    case spoil_status::bad_nonce:
      return "bad_nonce";
    case spoil_status::choices_not_valid:
      return "choices_not_valid";
  }
  return "bad_ballot";
}

spoil_check check_spoiled_ballot(const manifest& m, const digest32& election_hash,
                                 const point& joint_key, const opened_ballot& s) {
  const ballot_status status = verify_ballot(m, election_hash, joint_key, s.b);
  if (status != ballot_status::ok) {
    spoil_check out;
    out.ballot = status;  // bad_ballot
    return out;
  }
  return open_ballot(m, joint_key, s.b, s.openings);
}

spoil_check open_ballot(const manifest& m, const point& joint_key, const ballot& b,
                        const ballot_openings& openings) {
  spoil_check out;
  if (openings.size() != b.contests.size()) {
    out.status = spoil_status::malformed_nonces;
    return out;
  }
  for (std::size_t c = 0; c < openings.size(); ++c) {
    if (openings[c].size() != b.contests[c].options.size()) {
      out.status = spoil_status::malformed_nonces;
      return out;
    }
    for (const option_opening& opening : openings[c]) {
      if (opening.value > 1) {
        out.status = spoil_status::malformed_nonces;
        return out;
      }
    }
  }
  ballot_choices choices(openings.size());
  for (std::size_t c = 0; c < openings.size(); ++c) {
    for (std::size_t o = 0; o < openings[c].size(); ++o) {
      const option_opening& opening = openings[c][o];
      // encrypt() recomputes (r·G, v·G + r·K): the opening holds exactly when it gives the
      // ballot's ciphertext.
      if (encrypt(opening.value, opening.r, joint_key) != b.contests[c].options[o].ct) {
        out.status = spoil_status::bad_nonce;
        out.contest = c;
        out.option = o;
        return out;
      }
      choices[c].push_back(opening.value);
    }
  }
  if (check_choices(m, choices)) {
    out.status = spoil_status::choices_not_valid;
    return out;
  }
  out.status = spoil_status::ok;
  out.choices = std::move(choices);
  return out;
}

}  // namespace plenum::crypto
