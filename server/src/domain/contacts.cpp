#include "domain/contacts.hpp"

#include "plenum/crypto/bytes.hpp"

namespace plenum::server::domain {

namespace {

template <typename Map>
auto* find_in(Map& map, const std::string& id) {
  auto it = map.find(id);
  return it == map.end() ? nullptr : &it->second;
}

civil_date date_of(const std::string& text) {
  return civil_date::parse(text).value_or(civil_date{});
}

}  // namespace

opinion_deadlines deadlines_of(const opinion& o, const working_calendar& calendar,
                               const civil_date& today) {
  opinion_deadlines d;
  d.route_due = calendar.add_working_days(date_of(o.date), route_within_days);
  auto late_by = [&](const civil_date& due) {
    if (today <= due) return;
    d.overdue = true;
    d.working_days_overdue = calendar.working_days_between(due, today);
  };
  if (!o.routed()) {
    late_by(d.route_due);
    d.routed_on_time = !d.overdue;
    return d;
  }
  const civil_date routed = date_of(o.routed_date);
  d.routed_on_time = routed <= d.route_due;
  d.answer_due = calendar.add_working_days(routed, answer_within_days + o.extension_days);
  d.refuse_due = calendar.add_working_days(routed, refuse_within_days);
  if (!o.answered_date.empty()) {
    d.closed_on_time = date_of(o.answered_date) <= *d.answer_due;
  } else if (!o.refused_date.empty()) {
    d.closed_on_time = date_of(o.refused_date) <= *d.refuse_due;
  } else {
    late_by(*d.answer_due);
  }
  return d;
}

const contact* contact_book::find_contact(const std::string& id) const {
  return find_in(contacts, id);
}

const opinion* contact_book::find_opinion(const std::string& id) const {
  return find_in(opinions, id);
}

std::string contact_book::keeping_delegate(const std::string& id) const {
  const contact* c = find_contact(id);
  if (c == nullptr) return {};
  if (c->kind == "member") return c->keeper;
  const contact* member = find_contact(c->keeper);
  return member != nullptr && member->kind == "member" ? member->keeper : std::string();
}

std::size_t contact_book::residents_of(const std::string& id) const {
  std::size_t n = 0;
  for (const auto& [cid, c] : contacts) n += !c.removed && c.kind == "resident" && c.keeper == id;
  return n;
}

std::string contact_book::next_contact_id() const {
  for (std::size_t n = contacts.size() + 1;; ++n)
    if (!contacts.contains("C" + std::to_string(n))) return "C" + std::to_string(n);
}

std::string contact_book::next_opinion_id() const {
  for (std::size_t n = opinions.size() + 1;; ++n)
    if (!opinions.contains("O" + std::to_string(n))) return "O" + std::to_string(n);
}

std::optional<std::string> contact_book::apply(const protocol::events::contact_registered& e) {
  if (contacts.contains(e.contact_id)) return "contact " + e.contact_id + " exists";
  if (e.kind == "resident") {
    const contact* member = find_contact(e.keeper);
    if (member == nullptr || member->kind != "member" || member->removed)
      return "resident " + e.contact_id + " is kept by " + e.keeper + ", not a kept member";
  }
  contacts.emplace(e.contact_id,
                   contact{e.contact_id, e.kind, e.keeper, crypto::to_hex(e.details_digest), e.by,
                           static_cast<std::int64_t>(e.unix_ms), false, ""});
  return std::nullopt;
}

std::optional<std::string> contact_book::apply(const protocol::events::contact_removed& e) {
  contact* c = find_in(contacts, e.contact_id);
  if (c == nullptr || c->removed) return "no kept contact " + e.contact_id;
  c->removed = true;
  c->removal_reason = e.reason;
  c->removed_ms = static_cast<std::int64_t>(e.unix_ms);
  return std::nullopt;
}

std::optional<std::string> contact_book::apply(const protocol::events::committee_contacts_set& e) {
  committee.insert_or_assign(e.member, e.delegates);
  committee_history[e.member].push_back({static_cast<std::int64_t>(e.unix_ms), e.delegates});
  return std::nullopt;
}

std::optional<std::string> contact_book::apply(const protocol::events::opinion_logged& e) {
  if (opinions.contains(e.opinion_id)) return "opinion " + e.opinion_id + " exists";
  if (find_contact(e.contact_id) == nullptr) return "no contact " + e.contact_id;
  opinion o;
  o.id = e.opinion_id;
  o.contact_id = e.contact_id;
  o.by = e.by;
  o.date = e.date;
  o.details_digest = crypto::to_hex(e.details_digest);
  o.category = e.category;
  opinions.emplace(o.id, std::move(o));
  return std::nullopt;
}

opinion* contact_book::open_opinion(const std::string& id) {
  opinion* o = find_in(opinions, id);
  return o != nullptr && !o->closed() ? o : nullptr;
}

std::optional<std::string> contact_book::apply(const protocol::events::opinion_routed& e) {
  opinion* o = open_opinion(e.opinion_id);
  if (o == nullptr || o->routed())
    return "opinion " + e.opinion_id + " is not waiting to be routed";
  o->department = e.department;
  o->routed_date = e.date;
  return std::nullopt;
}

std::optional<std::string> contact_book::apply(const protocol::events::opinion_extended& e) {
  opinion* o = open_opinion(e.opinion_id);
  if (o == nullptr || !o->routed() || o->extension_days != 0)
    return "opinion " + e.opinion_id + " may not be extended";
  o->extension_days = static_cast<std::uint32_t>(e.working_days);
  o->extension_reason = e.reason;
  o->extended_ms = static_cast<std::int64_t>(e.unix_ms);
  return std::nullopt;
}

std::optional<std::string> contact_book::apply(const protocol::events::opinion_answered& e) {
  opinion* o = open_opinion(e.opinion_id);
  if (o == nullptr || !o->routed()) return "opinion " + e.opinion_id + " is not being handled";
  o->answered_date = e.date;
  o->answer_digest = crypto::to_hex(e.details_digest);
  return std::nullopt;
}

std::optional<std::string> contact_book::apply(const protocol::events::opinion_refused& e) {
  opinion* o = open_opinion(e.opinion_id);
  if (o == nullptr || !o->routed()) return "opinion " + e.opinion_id + " is not being handled";
  o->refused_date = e.date;
  o->refusal_reason = e.reason;
  return std::nullopt;
}

std::optional<std::string> contact_book::apply(const protocol::events::opinion_reported_back& e) {
  opinion* o = find_in(opinions, e.opinion_id);
  if (o == nullptr || !o->closed() || !o->reported_back_date.empty())
    return "opinion " + e.opinion_id + " is not waiting to be reported back";
  o->reported_back_date = e.date;
  return std::nullopt;
}

}  // namespace plenum::server::domain
