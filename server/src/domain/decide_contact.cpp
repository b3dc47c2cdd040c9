// Three-level contact (三级联系): who keeps whom. A delegate keeps party members, a member keeps
// residents, a party committee member keeps delegates. Names stay beside the log.
#include <algorithm>
#include <set>

#include "domain/decide_internal.hpp"
#include "plenum/crypto/bytes.hpp"

namespace plenum::server::domain::detail {

namespace {

constexpr std::size_t max_reason_bytes = 1024;
constexpr std::size_t max_committee_delegates = 16;

std::uint64_t ms(const context& ctx) { return static_cast<std::uint64_t>(ctx.unix_ms); }

bool is_secretary(const context& ctx) { return ctx.who.holds_any({role::secretary}); }

}  // namespace

result<private_record> seal_private_details(const private_input& in,
                                            std::initializer_list<std::string_view> allowed,
                                            std::initializer_list<std::string_view> required) {
  for (const auto& [name, value] : in.fields) {
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end())
      return errc::invalid_private_details;
    if (!valid_text(value, 64 * 1024) || protocol::looks_like_id_number(value))
      return errc::invalid_private_details;
  }
  for (std::string_view name : required)
    if (!in.fields.contains(std::string(name))) return errc::invalid_private_details;
  const auto digest = protocol::private_details_digest(in.salt, in.fields);
  return private_record{crypto::to_hex(digest), crypto::to_hex(in.salt),
                        protocol::canonical_private_json(in.fields)};
}

result<decision> handle(const congress_state& state, const register_contact& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::delegate, role::secretary})) return ec;
  const auto& book = state.contacts();
  const std::string id = c.contact_id.empty() ? book.next_contact_id() : c.contact_id;
  if (!valid_id(id) || (c.kind != "member" && c.kind != "resident")) return errc::invalid_field;
  if (book.contacts.contains(id)) return errc::contact_exists;
  // The delegate who will keep it: a member's keeper, or the keeper of a resident's member.
  std::string delegate;
  if (c.kind == "member") {
    if (!state.is_delegate(c.keeper)) return errc::invalid_contact_keeper;
    delegate = c.keeper;
  } else {
    const contact* member = book.find_contact(c.keeper);
    if (member == nullptr || member->kind != "member" || member->removed)
      return errc::invalid_contact_keeper;
    delegate = member->keeper;
  }
  if (!is_secretary(ctx) && delegate != ctx.who.person_id) return errc::not_the_keeper;
  auto sealed = seal_private_details(c.details, {"name", "place"}, {"name"});
  if (!sealed) return sealed.error();
  auto d = single(events::contact_registered{id, c.kind, c.keeper,
                                             *crypto::from_hex_fixed<32>(sealed->digest),
                                             ctx.who.person_id, ms(ctx)});
  d.private_details.push_back(std::move(*sealed));
  d.created_id_field = "contact_id";
  d.created_id = id;
  return d;
}

result<decision> handle(const congress_state& state, const remove_contact& c, const context& ctx) {
  if (auto ec = require_role(ctx, {role::delegate, role::secretary})) return ec;
  const auto& book = state.contacts();
  const contact* found = book.find_contact(c.contact_id);
  if (found == nullptr || found->removed) return errc::unknown_contact;
  if (!is_secretary(ctx) && book.keeping_delegate(c.contact_id) != ctx.who.person_id)
    return errc::not_the_keeper;
  if (!valid_text(c.reason, max_reason_bytes)) return errc::invalid_field;
  if (found->kind == "member" && book.residents_of(c.contact_id) > 0)
    return errc::contact_has_residents;
  return single(events::contact_removed{c.contact_id, c.reason, ctx.who.person_id, ms(ctx)});
}

result<decision> handle(const congress_state& state, const set_committee_contacts& c,
                        const context& ctx) {
  if (auto ec = require_role(ctx, {role::secretary})) return ec;
  const person* member = state.find_person(c.member);
  if (member == nullptr) return errc::unknown_person;
  if (!member->committee_member) return errc::not_a_committee_member;
  if (c.delegates.size() > max_committee_delegates) return errc::invalid_field;
  std::set<std::string> seen;
  for (const auto& number : c.delegates) {
    if (state.find_person(number) == nullptr) return errc::unknown_person;
    if (!state.is_delegate(number) || !seen.insert(number).second) return errc::invalid_field;
  }
  return single(events::committee_contacts_set{c.member, c.delegates, ctx.who.person_id, ms(ctx)});
}

}  // namespace plenum::server::domain::detail
