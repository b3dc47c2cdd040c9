// A congress of the term on a real plenumd (TLS WebSockets, its data on disk) for the tests that
// run more than one sitting: a few delegates, an alternate, a chair, a secretary and three
// scrutineers, every device enrolled, and the steps of a sitting done as the hall does them —
// check-in, the key ceremony, a vote from its creation to the announced result. Failures are
// reported as gtest failures where they happen.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenumd_process.hpp"

namespace plenum::tests {

/// "D001" … for i = 1 ….
[[nodiscard]] std::string term_delegate(int i);

class term_hall {
 public:
  /// Starts plenumd on a fresh directory with the term's roster of `delegates` delegates
  /// (congress "term-congress"), acknowledges the roster's composition warnings and enrolls
  /// everyone. `ok()` says whether all of it worked.
  explicit term_hall(int delegates = 10);
  /// The same on a roster of the caller's (CSV with the import's header, a secretary "SE", a
  /// chair "CH", scrutineers "S1"–"S3", delegates numbered as term_delegate): everyone on it is
  /// enrolled.
  explicit term_hall(std::string roster_csv);
  ~term_hall();
  term_hall(const term_hall&) = delete;
  term_hall& operator=(const term_hall&) = delete;

  [[nodiscard]] bool ok() const { return port_ != 0 && enrolled_; }
  [[nodiscard]] std::uint16_t port() const { return port_; }
  [[nodiscard]] const crypto::secret_key& key(const std::string& person) const {
    return keys_.at(person);
  }
  /// Every enrolled person's device key, by person number.
  [[nodiscard]] const std::map<std::string, crypto::secret_key>& keys() const { return keys_; }
  /// The congress's id (in every sitting's election hash).
  [[nodiscard]] static std::string congress_id() { return "term-congress"; }
  /// plenumd's log so far (for failure messages).
  [[nodiscard]] std::string server_log() const;

  /// A new connection authenticated as `person`.
  hall_client as(const std::string& person);

  /// Creates sitting `title` on `date` (kind annual); returns its id ("" on failure).
  std::string create_sitting(const std::string& title, const std::string& date);
  /// Opens check-in of `sitting`, checks in delegates 1…`present`, runs the key ceremony with
  /// S1–S3 (k = 2) and opens the sitting.
  void sit(const std::string& sitting, int present);

  /// Delegate i's marks in a vote (by 1-based delegate number).
  using marks = std::function<crypto::ballot_choices(int)>;
  /// Creates the vote `fields` describes (create_vote's fields) on the current item, opens it,
  /// lets delegates 1…`voters` cast `choice(i)`, closes it, has S1 and S3 decrypt it, sign the
  /// result, and the chair announce it. Returns the vote's view in get_state once decided.
  boost::json::object decide_vote(const boost::json::object& fields, int voters,
                                  const marks& choice);

  /// The secretary's get_follow_up.
  boost::json::object follow_up();

 private:
  void enroll_everyone();

  std::unique_ptr<temp_dir> dir_;
  std::unique_ptr<plenumd_process> server_;
  std::vector<std::string> people_;
  std::uint16_t port_ = 0;
  bool enrolled_ = false;
  std::map<std::string, crypto::secret_key> keys_;
  std::optional<test_scrutineers> scrutineers_;
};

}  // namespace plenum::tests
