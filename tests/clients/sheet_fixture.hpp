// Shared by the result sheet tests: sheets built the way the exporter builds them (manifest
// builders, decide_outcome, make_vote_sheet), a temporary directory, and running the
// poppler/zbar command-line tools.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "plenum/clients/sheet/vote_sheet.hpp"

namespace plenum::clients::sheet::test {

/// The header every test sheet carries.
[[nodiscard]] sheet_header test_header();

/// Signers with deterministic keys: the server, two scrutineers and the chair.
[[nodiscard]] std::vector<signer> test_signers();

/// A motion decided by the default rule (for > 1/2 of `seated`).
[[nodiscard]] vote_sheet motion_sheet(std::uint64_t yes, std::uint64_t no, std::uint64_t abstain,
                                      std::uint64_t seated, std::uint64_t present);

/// An election of `seats` among candidates named `names` with the given approvals and
/// disapprovals out of `ballots`, seated 120, present `ballots`.
[[nodiscard]] vote_sheet election_sheet(const std::vector<std::string>& names,
                                        const std::vector<std::uint64_t>& approvals,
                                        const std::vector<std::uint64_t>& disapprovals,
                                        std::uint64_t ballots, std::uint32_t seats);

/// A confidence vote on `names`, each with (trust, basic trust, distrust) counts.
[[nodiscard]] vote_sheet confidence_sheet(const std::vector<std::string>& names,
                                          const std::vector<std::vector<std::uint64_t>>& counts,
                                          std::uint64_t ballots);

/// A satisfaction appraisal of `items`, each with (satisfied, basically satisfied,
/// unsatisfied) counts, decided by the default rule (more than 1/2 favourable).
[[nodiscard]] vote_sheet satisfaction_sheet(const std::vector<std::string>& items,
                                            const std::vector<std::vector<std::uint64_t>>& counts,
                                            std::uint64_t ballots);

/// A democratic appraisal (standard scale) of `names`, each with its four level counts.
[[nodiscard]] vote_sheet appraisal_sheet(const std::vector<std::string>& names,
                                         const std::vector<std::vector<std::uint64_t>>& counts,
                                         std::uint64_t ballots);

/// A fresh directory, removed with its contents when the object goes away.
class temp_dir {
 public:
  temp_dir();
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  ~temp_dir();
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

/// Runs `command` through the shell; its exit status and standard output.
struct run_result {
  int status = -1;
  std::string output;
};
[[nodiscard]] run_result run(const std::string& command);

/// The text of `pdf` as `pdftotext -layout` extracts it.
[[nodiscard]] std::string pdf_text(const std::filesystem::path& pdf);

/// `text` with every run of white space removed (CJK extraction spaces characters freely).
[[nodiscard]] std::string without_spaces(const std::string& text);

/// `text` with every run of white space replaced by one space.
[[nodiscard]] std::string single_spaced(const std::string& text);

/// The number of pages of `pdf` (pdfinfo).
[[nodiscard]] int pdf_pages(const std::filesystem::path& pdf);

}  // namespace plenum::clients::sheet::test
