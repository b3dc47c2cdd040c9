#include "plenum/clients/sheet/vote_sheet.hpp"

#include <algorithm>

namespace plenum::clients::sheet {

namespace {

bool lowercase_hex(std::string_view text) {
  return std::all_of(text.begin(), text.end(),
                     [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
}

}  // namespace

result<void> check_vote_sheet(const vote_sheet& sheet) {
  if (sheet.vote_id.empty() || sheet.title.empty()) return errc::invalid_field;
  if (sheet.contests.empty()) return errc::invalid_field;
  for (const auto& contest : sheet.contests)
    if (contest.options.empty()) return errc::invalid_field;
  if (sheet.result_digest.size() != 64 || !lowercase_hex(sheet.result_digest))
    return errc::invalid_field;
  return {};
}

result<void> check_sitting_sheet(const sitting_sheet& sheet) {
  for (const auto& vote : sheet.votes) {
    auto checked = check_vote_sheet(vote);
    if (!checked) return checked;
  }
  return {};
}

std::string_view kind_label(protocol::vote_kind kind) noexcept {
  switch (kind) {
    case protocol::vote_kind::motion:
      return "议案表决";
    case protocol::vote_kind::election:
      return "选举";
    case protocol::vote_kind::appraisal:
      return "民主评议";
    case protocol::vote_kind::confidence:
      return "信任投票";
    case protocol::vote_kind::satisfaction:
      return "满意度测评";
  }
  return "表决";
}

std::string_view role_label(signer_role role) noexcept {
  switch (role) {
    case signer_role::server:
      return "服务器";
    case signer_role::scrutineer:
      return "监票人";
    case signer_role::chair:
      return "主持人";
  }
  return "签名人";
}

}  // namespace plenum::clients::sheet
