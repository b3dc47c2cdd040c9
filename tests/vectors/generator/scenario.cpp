#include "scenario.hpp"

#include <utility>

namespace plenum::test::vectors {

namespace {

vote_plan motion() {
  vote_plan plan;
  plan.manifest = crypto::motion_manifest("vote-1", "关于修改党章部分条文的决议", "决议");
  // for, for, abstain, for, for: "for" 4 of 6 seated passes; "against" stays at 0.
  plan.choices = {{{1, 0, 0}}, {{1, 0, 0}}, {{0, 0, 1}}, {{1, 0, 0}}, {{1, 0, 0}}};
  plan.over = over_vote{{{1, 1, 0}}, "over-vote: for and against both marked"};
  plan.rule = protocol::decision_rule::motion_majority_of_seated();
  return plan;
}

vote_plan election() {
  const std::vector<std::string> candidates{"周敏", "吴刚", "郑洁", "冯磊"};
  vote_plan plan;
  plan.manifest = crypto::election_manifest("vote-2", "选举出席上级党代会代表", candidates, 2);
  // Approvals 4, 3, 1, 0: one elected (more than 3 of 6 seated), one seat for a further round.
  plan.choices = {
      {{1, 0}, {1, 0}, {0, 1}, {0, 0}}, {{1, 0}, {0, 0}, {1, 0}, {0, 1}},
      {{1, 0}, {1, 0}, {0, 0}, {0, 1}}, {{1, 0}, {1, 0}, {0, 1}, {0, 0}},
      {{0, 0}, {0, 0}, {0, 0}, {0, 0}},
  };
  plan.over = over_vote{{{1, 0}, {1, 0}, {1, 0}, {0, 0}}, "over-vote: 3 approvals for 2 seats"};
  plan.rule = protocol::decision_rule::election(2);
  return plan;
}

const std::vector<std::string>& members() {
  static const std::vector<std::string> names{"何平", "罗兰", "高翔"};
  return names;
}

vote_plan appraisal() {
  vote_plan plan;
  plan.manifest = crypto::appraisal_manifest("vote-3", "民主评议党委委员", members());
  plan.choices = {
      {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}}, {{1, 0, 0, 0}, {1, 0, 0, 0}, {0, 0, 1, 0}},
      {{0, 1, 0, 0}, {0, 0, 0, 1}, {0, 1, 0, 0}}, {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}},
      {{0, 0, 1, 0}, {0, 1, 0, 0}, {0, 0, 0, 0}},
  };
  plan.rule = protocol::decision_rule::appraisal();
  return plan;
}

vote_plan confidence() {
  vote_plan plan;
  plan.manifest = crypto::confidence_manifest("vote-4", "领导班子成员信任度测评", members());
  // "distrust" 2 of 5 ballots for member-1 exceeds 1/3: flagged.
  plan.choices = {
      {{1, 0, 0}, {0, 0, 1}, {0, 1, 0}}, {{1, 0, 0}, {0, 0, 1}, {0, 0, 0}},
      {{0, 1, 0}, {1, 0, 0}, {1, 0, 0}}, {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}},
      {{0, 0, 0}, {1, 0, 0}, {0, 1, 0}},
  };
  plan.rule = protocol::decision_rule::confidence();
  return plan;
}

}  // namespace

std::vector<vote_plan> vote_plans() { return {motion(), election(), appraisal(), confidence()}; }

}  // namespace plenum::test::vectors
