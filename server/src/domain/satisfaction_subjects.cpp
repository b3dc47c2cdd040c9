#include "domain/satisfaction_subjects.hpp"

#include <set>
#include <utility>

#include "domain/decide_internal.hpp"

namespace plenum::server::domain {

namespace {

// An item's title is at most this many bytes (as every vote's member or candidate names).
constexpr std::size_t max_title_bytes = 256;

// `text` cut to at most `max` bytes on a UTF-8 character boundary, "…" marking the cut.
std::string clipped(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  const std::string mark = "…";
  std::size_t end = max - mark.size();
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + mark;
}

boost::system::error_code check_subject(const congress_state& state,
                                        const protocol::vote_subject& s) {
  if (!protocol::is_subject_kind(s.kind) || !detail::valid_id(s.id)) return errc::invalid_vote;
  if (s.kind == "resolution") {
    if (!state.resolutions().contains(s.id)) return errc::unknown_resolution;
  } else if (s.kind == "rectification") {
    if (!state.rectifications().contains(s.id)) return errc::unknown_rectification;
  } else {
    const proposal* p = state.find_proposal(s.id);
    if (p == nullptr) return errc::unknown_proposal;
    if (p->reviewed != proposal::review::accepted) return errc::proposal_not_accepted;
  }
  return {};
}

}  // namespace

std::string subject_title(const congress_state& state, const protocol::vote_subject& subject) {
  if (subject.kind == "resolution")
    return clipped(state.resolutions().at(subject.id).title, max_title_bytes);
  if (subject.kind == "proposal")
    return clipped(state.find_proposal(subject.id)->title, max_title_bytes);
  const rectification& r = state.rectifications().at(subject.id);
  return clipped(r.member.empty() ? r.problem : r.member + "：" + r.problem, max_title_bytes);
}

result<std::vector<std::string>> satisfaction_titles(
    const congress_state& state, const std::vector<protocol::vote_subject>& subjects,
    const std::vector<std::string>& given) {
  if (subjects.empty()) return given;
  if (!given.empty() && given.size() != subjects.size()) return errc::invalid_vote;
  std::set<std::pair<std::string, std::string>> seen;
  std::vector<std::string> titles;
  for (std::size_t i = 0; i < subjects.size(); ++i) {
    const auto& s = subjects[i];
    if (auto ec = check_subject(state, s)) return ec;
    if (!seen.insert({s.kind, s.id}).second) return errc::duplicate_subject;
    std::string title = subject_title(state, s);
    if (!given.empty() && given[i] != title) return errc::subject_title_mismatch;
    titles.push_back(std::move(title));
  }
  return titles;
}

}  // namespace plenum::server::domain
