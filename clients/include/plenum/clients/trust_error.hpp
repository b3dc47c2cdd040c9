// What a client refuses when the board or the server contradicts what it can check itself:
// the reasons a ballot is not made (the vote's key, manifest, roster or election hash do not
// follow from the board) or a receipt is not reported, and a congress key that is not the
// one pinned at enrollment. A separate category from plenum::errc, which names the server's
// refusals: these are the client's refusals of the server.
#pragma once

#include <boost/system/error_code.hpp>
#include <string_view>

namespace plenum::clients {

/// The client's refusals. Each value's message() is an English sentence for people.
enum class trust_errc {
  /// The sitting's key ceremony on the board is missing, or lacks keygen messages or
  /// confirmations.
  ceremony_incomplete = 1,
  /// A scrutineer's keygen message on the board fails its check, or a scrutineer key of
  /// ceremony_started is not that person's enrolled device key.
  ceremony_invalid,
  /// A keys_confirmed signature over the key digest is missing or does not verify.
  confirmation_invalid,
  /// The vote's joint key is not the one the scrutineers' keygen messages produce.
  joint_key_mismatch,
  /// The vote's ceremony id is not the ceremony recorded for its sitting.
  ceremony_id_mismatch,
  /// The manifest of vote_created does not hash to vote_opened's manifest_hash.
  manifest_mismatch,
  /// The roster of vote_opened does not hash to its roster_hash.
  roster_mismatch,
  /// This device's key is not in the vote's roster.
  not_in_roster,
  /// The election hash recomputed from ceremony, key, manifest and roster differs.
  election_hash_mismatch,
  /// The server's hello names another congress key than the one pinned at enrollment.
  congress_key_changed,
  /// The receipt's signature is not the congress key's.
  receipt_forged,
  /// The receipt names a tracking code other than the ballot this device made.
  receipt_not_mine,
  /// The board entry the receipt names is not this ballot's (another hash, type or code).
  receipt_not_on_board,
};

/// The category of trust_errc values ("plenum-client-trust").
[[nodiscard]] const boost::system::error_category& trust_category() noexcept;

/// Makes trust_errc usable as a boost::system::error_code.
[[nodiscard]] inline boost::system::error_code make_error_code(trust_errc e) noexcept {
  return {static_cast<int>(e), trust_category()};
}

/// The wire-style name of a trust error ("joint_key_mismatch"), "unknown" for other codes.
[[nodiscard]] std::string_view trust_error_name(boost::system::error_code ec) noexcept;

/// What a delegate is told in Chinese (zh-CN) when `ec` is a trust error: what is wrong and
/// what to do (e.g. for a substituted key: 本次表决的加密公钥与监票人生成的不一致，请勿投票并
/// 通知监票人). Empty for other codes.
[[nodiscard]] std::string_view trust_advice_zh(boost::system::error_code ec) noexcept;

}  // namespace plenum::clients

template <>
struct boost::system::is_error_code_enum<plenum::clients::trust_errc> : std::true_type {};
