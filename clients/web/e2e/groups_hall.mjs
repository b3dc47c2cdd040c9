// The hall of the delegate-group browser tests (groups.mjs, group_sitting.mjs): twelve delegates,
// the first eleven in the roster's group 东片 and D012 in 西片, two scrutineers, the chair and
// the secretary.
const NAMES = ["王建国", "李秀英", "张伟", "刘芳", "陈明", "杨丽", "赵军", "黄敏", "周涛", "吴静", "徐磊", "孙红"];

/** The roster CSV. */
export const ROSTER = [
  "number,name,gender,ethnicity,occupation,unit,group,roles,committee",
  ...NAMES.map((name, i) => {
    const n = `D${String(i + 1).padStart(3, "0")}`;
    return `${n},${name},${i % 2 ? "F" : "M"},汉族,${["farming", "education", "health", "other"][i % 4]},第${(i % 3) + 1}选区,${i < 11 ? "东片" : "西片"},delegate,no`;
  }),
  "S1,周文,F,汉族,education,,,scrutineer,no",
  "S2,吴强,M,汉族,farming,,,scrutineer,no",
  "CH,孙志远,M,汉族,other,,,chair,yes",
  "SE,钱秘书,F,汉族,other,,,secretary,no",
].join("\n");

/** The eleven delegates of 东片 (D001 … D011). */
export const MEMBERS = NAMES.slice(0, 11).map((_, i) => `D${String(i + 1).padStart(3, "0")}`);
