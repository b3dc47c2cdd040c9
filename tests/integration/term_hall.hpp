// A congress of the term on a real plenumd (TLS WebSockets, its data on disk) for the tests that
// run more than one sitting: a few delegates, an alternate, a chair, a secretary and three
// scrutineers, every device enrolled, and the steps of a sitting done as the hall does them —
// check-in, the key ceremony, a vote from its creation to the announced result, the exported
// record checked by plenum-verify. Failures are reported as gtest failures where they happen.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "hall_client.hpp"
#include "hall_sitting.hpp"
#include "plenum/clients/verify/verifier.hpp"
#include "plenum/crypto/ballot.hpp"
#include "plenumd_process.hpp"

namespace plenum::tests {

/// "D001" … for i = 1 ….
[[nodiscard]] std::string term_delegate(int i);

/// Another township's congress held by the same plenumd (`--township ID=NAME`), its roster
/// imported from `roster_csv` (the import's header; a secretary "SE").
struct other_township {
  std::string id;
  std::string name;
  std::string roster_csv;
};

/// The once-only extension of an opinion's answer by the secretary `se` and what follows it:
/// the delegate `keeper` may not extend, a ten-working-day extension with `reason` is recorded,
/// a second is refused, the secretary answers with `answer` and the keeper reports back.
void extend_answer_and_report_back(hall_client& se, hall_client& keeper,
                                   const std::string& opinion_id, const std::string& reason,
                                   const std::string& answer);

/// An exported record and what plenum-verify's checks said of it.
struct verified_record {
  /// The exported record's directory ("" when the export failed).
  std::string dir;
  clients::verify::verify_report report;
  /// Every check, one formatted line each (for failure messages).
  std::string lines;
  /// The count of check `name`, or 0 when the report has no such check.
  [[nodiscard]] std::uint64_t count(std::string_view name) const;
};

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
  /// The same, plenumd holding the term's congress as the first township (id congress_id(),
  /// name `name`, served on /ws and /ws/township/ID) and `others` beside it, each on
  /// /ws/township/ID with its roster imported and nobody of it enrolled.
  term_hall(std::string roster_csv, std::string name, std::vector<other_township> others);
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
  /// A directory of the test's own beside plenumd's data (removed with the hall).
  [[nodiscard]] std::filesystem::path scratch_dir() const;
  /// The data directory of township `township` ("" for the term's congress).
  [[nodiscard]] std::filesystem::path data_dir(const std::string& township = "") const;

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
  /// lets delegates 1…`voters` cast `choice(i)`, closes it, calls `closed(vote_id)` when given
  /// (what may be tried before the result), has S1 and S3 decrypt it, sign the result, and the
  /// chair announce it. Returns the vote's view in get_state once decided.
  boost::json::object decide_vote(const boost::json::object& fields, int voters,
                                  const marks& choice,
                                  const std::function<void(const std::string&)>& closed = {});

  /// The secretary's get_follow_up.
  boost::json::object follow_up();

  /// The body of the download `request` (prepare_download's fields) prepared by `c` and fetched
  /// once over HTTPS ("" on failure).
  std::string download(hall_client& c, const boost::json::object& request);

  /// The secretary exports the record (export_record); plenum-verify's checks run on it (two
  /// threads) and must pass, each of `checks` among them.
  verified_record verify_export(const std::vector<std::string>& checks = {});
  /// The record `secretary` exports, checked by plenum-verify with `options` (e.g. a congress
  /// key pinned); expects only that the export works.
  static verified_record export_and_verify(hall_client& secretary,
                                           clients::verify::verify_options options = {});

 private:
  void enroll_everyone();

  void start(const std::string& roster, std::vector<std::string> args);

  std::unique_ptr<temp_dir> dir_;
  std::filesystem::path data_;
  std::unique_ptr<plenumd_process> server_;
  std::vector<std::string> people_;
  std::uint16_t port_ = 0;
  bool enrolled_ = false;
  std::map<std::string, crypto::secret_key> keys_;
  std::optional<test_scrutineers> scrutineers_;
};

}  // namespace plenum::tests
