// A real small sitting for the verifier's tests: run through the domain in-process, stored in
// a real event log (hash chain, congress-key signatures) in a temporary data directory, and
// exported with the server's exporter.
#pragma once

#include <boost/json/object.hpp>
#include <filesystem>
#include <functional>
#include <map>
#include <string>
#include <vector>

#include "plenum/clients/verify/record_files.hpp"
#include "plenum/crypto/sign.hpp"

namespace plenum::verify_test {

/// A data directory holding a congress of 10 delegates: sitting s1 with 9 present (D009
/// checked in by the secretary), the key ceremony of S1–S3 (k = 2), motion v1 (6 for,
/// 2 against, 1 abstain; D001 first challenged a ballot marking 反对) and election v2 (1 seat,
/// 2 candidates; D003 first challenged a ballot marking 王一 不赞成, 李二 赞成), both decrypted
/// by S1 and S2;
/// v1's result signed by S1 and S2 and announced by the chair, v2's signed by S2 only; then
/// the 2026 calendar and proposal P1 of D002 (co-signed by D003) accepted, answered, rated
/// unsatisfied, answered again and rated satisfied.
/// With `delegates` other than 10 (a multiple of 10, for benchmarks): all present, and only
/// the motion, in which every delegate votes (for, against, abstain in turn).
/// With `satisfaction` (10 delegates only), the sitting goes on: report item i3 and the
/// satisfaction appraisal v3 of two items named by their titles: item-0
/// 4 满意 + 1 基本满意 of 9 ballots (satisfactory), item-1 2 + 2 of 9 (flagged), decrypted by
/// S1 and S2, signed by both and announced.
/// With `proposal_decided` (10 delegates only), after P1's handling the chair puts it on the
/// agenda (proposal item i4) and motion v4 on it passes (8 of 9 for): resolution R2 decides P1.
/// With `later` months::activity, October 2026 follows: P2 of D004 accepted on 12 October
/// with the deadline 23 October and not answered, P3 of D005 turned into an opinion, and the
/// work between meetings: group G1 (D001–D010) holds group activity A1 on 12 October (D001
/// signs in, D002 recorded present, D003 excused, the rest absent); D001 keeps member C1 and
/// its resident C2; opinions O1 (routed on the 12th, extended by 5 working days) and O2 (never
/// routed); with months::reported, the secretary then issues the monthly reports of 2026-03
/// (the sitting), 2026-09 (P1) and 2026-10 on 22 November, in the current format.
/// Removes its directories when destroyed. Not thread-safe.
enum class months { none, activity, reported };
class sitting_record {
 public:
  explicit sitting_record(std::size_t delegates = 10, bool satisfaction = false,
                          bool proposal_decided = false, months later = months::none);
  ~sitting_record();
  sitting_record(const sitting_record&) = delete;
  sitting_record& operator=(const sitting_record&) = delete;

  /// The data directory (congress.key, events.db).
  [[nodiscard]] const std::filesystem::path& data_dir() const { return data_dir_; }
  /// A fresh, not yet existing directory under this record's temporary root.
  [[nodiscard]] std::filesystem::path fresh_dir(const std::string& name) const;
  /// The congress key (what a malicious server holds).
  [[nodiscard]] const crypto::secret_key& congress_key() const { return key_; }
  /// With months::reported: the digest (hex) each report issued would have had in the first
  /// format (monthly_report_issued without `format`), by month.
  [[nodiscard]] const std::map<std::string, std::string>& first_format_digests() const {
    return first_format_digests_;
  }

 private:
  std::filesystem::path root_;
  std::filesystem::path data_dir_;
  crypto::secret_key key_;
  std::map<std::string, std::string> first_format_digests_;
};

/// Reads events.jsonl of `dir` as it is (no checks).
std::vector<protocol::board_event> read_events(const std::filesystem::path& dir);

/// Writes `events` as events.jsonl of `dir`, unchanged.
void write_events(const std::filesystem::path& dir, const std::vector<protocol::board_event>& e);

/// What a malicious server holding the congress key does after changing events: renumbers,
/// re-links, re-hashes and re-signs the whole chain, rewrites congress.json's head and re-makes
/// every receipt, then writes the files of `dir`.
void resign_and_write(const std::filesystem::path& dir, std::vector<protocol::board_event> events,
                      const crypto::secret_key& key);

/// The same, with events (and receipts of ballots) at index `standby_from` and later signed by
/// `standby` instead of `key`: a record after a takeover (or a forged one).
void resign_and_write(const std::filesystem::path& dir, std::vector<protocol::board_event> events,
                      const crypto::secret_key& key, const crypto::secret_key& standby,
                      std::size_t standby_from);

/// The payload of `e` as a JSON object, and back.
boost::json::object payload_of(const protocol::board_event& e);
void set_payload(protocol::board_event& e, const boost::json::object& payload);

/// The index of the first event of `type` whose payload satisfies `pred`; fails the test if none.
std::size_t find_event(const std::vector<protocol::board_event>& events, const std::string& type,
                       const std::function<bool(const boost::json::object&)>& pred = {});

}  // namespace plenum::verify_test
