// A decision rule in words, for the result sheet.
#pragma once

#include <string>

#include <plenum/protocol/rules.hpp>

namespace plenum::clients::sheet {

/// `rule` in Simplified Chinese, e.g. "赞成票超过应到人数的 1/2 即为通过。百分比以投票数为基数。"
/// Thread-safe; never fails (every valid rule has words).
[[nodiscard]] std::string rule_words(const protocol::decision_rule& rule);

}  // namespace plenum::clients::sheet
