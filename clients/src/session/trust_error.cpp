#include "plenum/clients/trust_error.hpp"

#include <array>
#include <string>

namespace plenum::clients {

namespace {

struct trust_info {
  std::string_view name;
  const char* message;
  std::string_view advice_zh;
};

constexpr std::string_view key_advice =
    "本次表决的加密公钥与监票人生成的不一致，请勿投票并通知监票人";
constexpr std::string_view vote_advice = "本次表决的内容与公布的不一致，请勿投票并通知监票人";
constexpr std::string_view receipt_advice = "回执无法核实，选票可能未被记录，请通知监票人";

// Indexed by trust_errc value.
constexpr std::array<trust_info, 14> table = {{
    {"ok", "success", {}},
    {"ceremony_incomplete",
     "the key ceremony on the board is incomplete: refusing to encrypt a ballot", key_advice},
    {"ceremony_invalid",
     "a scrutineer's keygen message or key on the board does not verify: refusing to encrypt "
     "a ballot",
     key_advice},
    {"confirmation_invalid",
     "not every scrutineer confirmed the keys with a valid signature: refusing to encrypt a "
     "ballot",
     key_advice},
    {"joint_key_mismatch",
     "the vote's encryption key is not the one the scrutineers generated: refusing to encrypt a "
     "ballot",
     key_advice},
    {"ceremony_id_mismatch",
     "the vote names another key ceremony than the sitting's: refusing to encrypt a ballot",
     key_advice},
    {"manifest_mismatch",
     "the vote's ballot paper does not match its published manifest hash: refusing to encrypt a "
     "ballot",
     vote_advice},
    {"roster_mismatch",
     "the vote's roster does not match its published roster hash: refusing to encrypt a ballot",
     vote_advice},
    {"not_in_roster", "this device's key is not in the vote's roster: refusing to encrypt a ballot",
     "本设备不在本次表决的投票人名单中，请勿投票并通知监票人"},
    {"election_hash_mismatch",
     "the vote's election hash does not follow from its ceremony, key, manifest and roster: "
     "refusing to encrypt a ballot",
     vote_advice},
    {"congress_key_changed",
     "the server signs with another congress key than the one recorded at enrollment: refusing "
     "to continue",
     "服务器的大会签名密钥与登记时的不一致，请勿继续并通知工作人员"},
    {"receipt_forged", "the receipt's signature is not the congress key's", receipt_advice},
    {"receipt_not_mine", "the receipt names another ballot than the one this device made",
     receipt_advice},
    {"receipt_not_on_board", "the board entry the receipt names does not hold this ballot",
     receipt_advice},
}};

const trust_info* info_of(boost::system::error_code ec) noexcept {
  if (ec.category() != trust_category()) return nullptr;
  const auto index = static_cast<std::size_t>(ec.value());
  return index > 0 && index < table.size() ? &table[index] : nullptr;
}

class category_impl final : public boost::system::error_category {
 public:
  const char* name() const noexcept override { return "plenum-client-trust"; }
  std::string message(int value) const override {
    const auto index = static_cast<std::size_t>(value);
    return index < table.size() ? table[index].message : "unknown client trust error";
  }
};

}  // namespace

const boost::system::error_category& trust_category() noexcept {
  static const category_impl instance;
  return instance;
}

std::string_view trust_error_name(boost::system::error_code ec) noexcept {
  const trust_info* info = info_of(ec);
  return info != nullptr ? info->name : std::string_view("unknown");
}

std::string_view trust_advice_zh(boost::system::error_code ec) noexcept {
  const trust_info* info = info_of(ec);
  return info != nullptr ? info->advice_zh : std::string_view();
}

}  // namespace plenum::clients
