#include "satisfaction_subjects.hpp"

#include <set>
#include <utility>

#include "model.hpp"

namespace plenum::clients::verify::detail {

namespace {

// An appraised item's title is at most this many bytes (as the server's).
constexpr std::size_t max_title_bytes = 256;

// What is wrong with subject `i` of `e`, or nothing.
std::string subject_problem(const follow_up_model& m, const protocol::events::vote_created& e,
                            std::size_t i, std::set<std::pair<std::string, std::string>>& seen) {
  const auto& s = e.subjects[i];
  const std::string name = s.kind + " " + s.id;
  const auto found = m.appraisable.find({s.kind, s.id});
  if (found == m.appraisable.end()) {
    if (s.kind == "resolution") return name + ": no such resolution was adopted";
    if (s.kind == "rectification") return name + ": no such rectification item was opened";
    return name + ": no such proposal was accepted (立案) for handling";
  }
  if (!seen.insert({s.kind, s.id}).second) return name + ": named twice";
  if (e.candidates[i] != found->second)
    return name + ": item " + std::to_string(i + 1) + " is titled \"" + e.candidates[i] +
           "\", not \"" + found->second + "\"";
  return {};
}

}  // namespace

std::string appraised_title(const std::string& title) {
  if (title.size() <= max_title_bytes) return title;
  const std::string mark = "…";
  std::size_t end = max_title_bytes - mark.size();
  while (end > 0 && (static_cast<unsigned char>(title[end]) & 0xC0) == 0x80) --end;
  return title.substr(0, end) + mark;
}

std::string rectification_title(const std::string& member, const std::string& problem) {
  return appraised_title(member.empty() ? problem : member + "：" + problem);
}

void check_satisfaction_subjects(const follow_up_model& m, std::uint64_t seq,
                                 const protocol::events::vote_created& e, check_log& log) {
  log.touch("subjects", e.vote_id);
  if (e.subjects.empty()) return;
  const std::string at = "seq " + std::to_string(seq) + ": ";
  if (e.subjects.size() != e.candidates.size()) {
    log.fail("subjects", e.vote_id,
             at + std::to_string(e.subjects.size()) + " subjects for " +
                 std::to_string(e.candidates.size()) + " items");
    return;
  }
  std::set<std::pair<std::string, std::string>> seen;
  for (std::size_t i = 0; i < e.subjects.size(); ++i) {
    const auto problem = subject_problem(m, e, i, seen);
    if (problem.empty())
      log.pass("subjects", e.vote_id);
    else
      log.fail("subjects", e.vote_id, at + problem);
  }
}

}  // namespace plenum::clients::verify::detail
