#include "sheet_fixture.hpp"

#include <gtest/gtest.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <regex>
#include <stdexcept>

#include "plenum/clients/sheet/from_outcome.hpp"
#include "plenum/crypto/manifest.hpp"
#include "plenum/protocol/rules.hpp"

namespace plenum::clients::sheet::test {

namespace {

crypto::digest32 digest_of(std::uint8_t seed) {
  crypto::digest32 d{};
  for (std::size_t i = 0; i < d.size(); ++i) d[i] = static_cast<std::uint8_t>(seed * 31 + i * 7);
  return d;
}

crypto::public_key key_of(std::uint8_t seed) {
  crypto::byte_array<32> s{};
  s.fill(seed);
  return crypto::secret_key::from_seed(s).public_part();
}

vote_sheet decide(const crypto::manifest& manifest, const protocol::decision_rule& rule,
                  const protocol::tally_input& tally, std::uint8_t digest_seed) {
  auto outcome = protocol::decide_outcome(rule, tally);
  if (!outcome) throw std::runtime_error("decide_outcome: " + outcome.error().message());
  auto sheet = make_vote_sheet(test_header(), manifest, rule, *outcome, test_signers(),
                               digest_of(digest_seed));
  if (!sheet) throw std::runtime_error("make_vote_sheet: " + sheet.error().message());
  return *sheet;
}

// The counts of `manifest`'s contests in manifest order, with ids and labels.
protocol::tally_input tally_of(const crypto::manifest& manifest,
                               const std::vector<std::vector<std::uint64_t>>& counts,
                               std::uint64_t ballots, std::uint64_t seated, std::uint64_t present) {
  protocol::tally_input t;
  t.ballots = ballots;
  t.seated = seated;
  t.present = present;
  for (std::size_t c = 0; c < manifest.contests.size(); ++c) {
    protocol::contest_count cc{manifest.contests[c].contest_id, manifest.contests[c].title, {}};
    for (std::size_t o = 0; o < manifest.contests[c].options.size(); ++o)
      cc.options.push_back({manifest.contests[c].options[o].option_id,
                            manifest.contests[c].options[o].label, counts[c][o]});
    t.contests.push_back(std::move(cc));
  }
  return t;
}

}  // namespace

sheet_header test_header() {
  return {"中共青石镇第十五届代表大会", "第三次会议", "2026年11月27日"};
}

std::vector<signer> test_signers() {
  return {{signer_role::server, "大会服务器", key_of(1)},
          {signer_role::scrutineer, "王秀英", key_of(2)},
          {signer_role::scrutineer, "李建国", key_of(3)},
          {signer_role::chair, "刘志强", key_of(4)}};
}

vote_sheet motion_sheet(std::uint64_t yes, std::uint64_t no, std::uint64_t abstain,
                        std::uint64_t seated, std::uint64_t present) {
  auto manifest = crypto::motion_manifest("v-motion", "关于2027年镇重点工作的决议",
                                          "是否通过《关于2027年镇重点工作的决议》");
  auto tally = tally_of(manifest, {{yes, no, abstain}}, yes + no + abstain, seated, present);
  return decide(manifest, protocol::decision_rule::motion_majority_of_seated(), tally, 1);
}

vote_sheet election_sheet(const std::vector<std::string>& names,
                          const std::vector<std::uint64_t>& approvals,
                          const std::vector<std::uint64_t>& disapprovals, std::uint64_t ballots,
                          std::uint32_t seats) {
  auto manifest = crypto::election_manifest("v-election", "选举镇党委委员", names, seats);
  std::vector<std::vector<std::uint64_t>> counts;
  for (std::size_t i = 0; i < names.size(); ++i) counts.push_back({approvals[i], disapprovals[i]});
  auto tally = tally_of(manifest, counts, ballots, 120, ballots);
  return decide(manifest, protocol::decision_rule::election(seats), tally, 2);
}

vote_sheet confidence_sheet(const std::vector<std::string>& names,
                            const std::vector<std::vector<std::uint64_t>>& counts,
                            std::uint64_t ballots) {
  auto manifest = crypto::confidence_manifest("v-confidence", "对镇党委委员的信任投票", names);
  auto tally = tally_of(manifest, counts, ballots, 120, ballots);
  return decide(manifest, protocol::decision_rule::confidence(), tally, 3);
}

vote_sheet satisfaction_sheet(const std::vector<std::string>& items,
                              const std::vector<std::vector<std::uint64_t>>& counts,
                              std::uint64_t ballots) {
  auto manifest = crypto::satisfaction_manifest("v-satisfaction", "满意度测评", items);
  auto tally = tally_of(manifest, counts, ballots, 120, ballots);
  return decide(manifest, protocol::decision_rule::satisfaction(), tally, 3);
}

vote_sheet appraisal_sheet(const std::vector<std::string>& names,
                           const std::vector<std::vector<std::uint64_t>>& counts,
                           std::uint64_t ballots) {
  auto manifest = crypto::appraisal_manifest("v-appraisal", "对镇党委班子成员的民主评议", names);
  auto tally = tally_of(manifest, counts, ballots, 120, ballots);
  return decide(manifest, protocol::decision_rule::appraisal(), tally, 4);
}

temp_dir::temp_dir() {
  std::string pattern = (std::filesystem::temp_directory_path() / "plenum-sheet-XXXXXX").string();
  if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = pattern;
}

temp_dir::~temp_dir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

run_result run(const std::string& command) {
  run_result out;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0)
    out.output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  out.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return out;
}

std::string pdf_text(const std::filesystem::path& pdf) {
  auto r = run("pdftotext -layout -enc UTF-8 '" + pdf.string() + "' -");
  EXPECT_EQ(r.status, 0) << "pdftotext failed (is poppler-utils installed?)";
  return r.output;
}

std::string without_spaces(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), "");
}

std::string single_spaced(const std::string& text) {
  return std::regex_replace(text, std::regex("\\s+"), " ");
}

int pdf_pages(const std::filesystem::path& pdf) {
  auto r = run("pdfinfo '" + pdf.string() + "'");
  std::smatch m;
  if (r.status != 0 || !std::regex_search(r.output, m, std::regex("Pages:\\s+(\\d+)"))) return -1;
  return std::stoi(m[1].str());
}

}  // namespace plenum::clients::sheet::test
