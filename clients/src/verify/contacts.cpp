#include "contacts.hpp"

#include <algorithm>

#include "model.hpp"

namespace plenum::clients::verify::detail {

namespace ev = protocol::events;

namespace {

bool has_role(const congress_model& m, const std::string& person, const std::string& role) {
  auto it = m.roles.find(person);
  return it != m.roles.end() && it->second.contains(role);
}

void report(check_log& log, const std::string& check, std::uint64_t seq, const std::string& id,
            const std::string& problem) {
  if (problem.empty())
    log.pass(check, "");
  else
    log.fail(check, "", "seq " + std::to_string(seq) + ": " + id + ": " + problem);
}

// The delegate keeping a contact, or "" for none.
std::string keeper_of(const congress_model& m, const std::string& contact) {
  auto it = m.contacts.keepers.find(contact);
  return it == m.contacts.keepers.end() ? std::string() : it->second;
}

// A step of an opinion by the secretary, on a date not before the step before.
std::string secretary_step(const congress_model& m, const contacts_model::opinion_steps* o,
                           const std::string& by, const std::string& date) {
  if (o == nullptr) return "no such opinion";
  if (!has_role(m, by, "secretary")) return "recorded by " + by + ", who is not a secretary";
  if (!date.empty() && date < o->last_date) return "dated " + date + ", before " + o->last_date;
  return {};
}

contacts_model::opinion_steps* find(congress_model& m, const std::string& id) {
  auto it = m.contacts.opinions.find(id);
  return it == m.contacts.opinions.end() ? nullptr : &it->second;
}

}  // namespace

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::contact_registered& e,
                      check_log& log) {
  std::string delegate = e.kind == "member" ? e.keeper : keeper_of(m, e.keeper);
  std::string problem;
  if (m.contacts.keepers.contains(e.contact_id))
    problem = "registered twice";
  else if (e.kind == "member" && !has_role(m, e.keeper, "delegate"))
    problem = "kept by " + e.keeper + ", who is not a delegate";
  else if (e.kind == "resident" && (delegate.empty() || m.contacts.kinds[e.keeper] != "member"))
    problem = "kept by " + e.keeper + ", not a kept party member";
  else if (e.by != delegate && !has_role(m, e.by, "secretary"))
    problem = "registered by " + e.by + ", neither its delegate nor a secretary";
  report(log, "contacts", seq, e.contact_id, problem);
  if (!m.contacts.keepers.contains(e.contact_id)) {
    m.contacts.keepers[e.contact_id] = delegate;
    m.contacts.kinds[e.contact_id] = e.kind;
  }
}

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::contact_removed& e,
                      check_log& log) {
  const std::string delegate = keeper_of(m, e.contact_id);
  std::string problem;
  if (delegate.empty())
    problem = "not a kept contact";
  else if (e.by != delegate && !has_role(m, e.by, "secretary"))
    problem = "removed by " + e.by + ", neither its delegate nor a secretary";
  report(log, "contacts", seq, e.contact_id, problem);
  m.contacts.keepers[e.contact_id] = "";
}

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::committee_contacts_set& e,
                      check_log& log) {
  std::string problem;
  if (!has_role(m, e.by, "secretary")) problem = "set by " + e.by + ", who is not a secretary";
  for (const auto& d : e.delegates)
    if (problem.empty() && !has_role(m, d, "delegate")) problem = d + " is not a delegate";
  report(log, "contacts", seq, e.member, problem);
}

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::opinion_logged& e,
                      check_log& log) {
  std::string problem;
  if (m.contacts.opinions.contains(e.opinion_id))
    problem = "logged twice";
  else if (keeper_of(m, e.contact_id) != e.by)
    problem = "logged by " + e.by + ", who does not keep contact " + e.contact_id;
  report(log, "opinions", seq, e.opinion_id, problem);
  if (!m.contacts.opinions.contains(e.opinion_id))
    m.contacts.opinions[e.opinion_id] = {e.by, e.date, false, false, false, false};
}

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::opinion_routed& e,
                      check_log& log) {
  auto* o = find(m, e.opinion_id);
  std::string problem = secretary_step(m, o, e.by, e.date);
  if (problem.empty() && o->routed) problem = "routed twice";
  report(log, "opinions", seq, e.opinion_id, problem);
  if (o != nullptr) {
    o->routed = true;
    o->last_date = std::max(o->last_date, e.date);
  }
}

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::opinion_extended& e,
                      check_log& log) {
  auto* o = find(m, e.opinion_id);
  std::string problem = secretary_step(m, o, e.by, "");
  if (problem.empty() && (!o->routed || o->closed || o->extended))
    problem = "extended when not being handled, or a second time";
  report(log, "opinions", seq, e.opinion_id, problem);
  if (o != nullptr) o->extended = true;
}

template <typename Closing>
void on_closing(congress_model& m, std::uint64_t seq, const Closing& e, check_log& log) {
  auto* o = find(m, e.opinion_id);
  std::string problem = secretary_step(m, o, e.by, e.date);
  if (problem.empty() && (!o->routed || o->closed)) problem = "closed when not being handled";
  report(log, "opinions", seq, e.opinion_id, problem);
  if (o != nullptr) {
    o->closed = true;
    o->last_date = std::max(o->last_date, e.date);
  }
}

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::opinion_answered& e,
                      check_log& log) {
  on_closing(m, seq, e, log);
}

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::opinion_refused& e,
                      check_log& log) {
  on_closing(m, seq, e, log);
}

void on_contact_event(congress_model& m, std::uint64_t seq, const ev::opinion_reported_back& e,
                      check_log& log) {
  auto* o = find(m, e.opinion_id);
  std::string problem;
  if (o == nullptr)
    problem = "no such opinion";
  else if (e.by != o->by)
    problem = "reported back by " + e.by + ", not by " + o->by + " who logged it";
  else if (!o->closed || o->reported_back)
    problem = "reported back before an answer, or twice";
  else if (e.date < o->last_date)
    problem = "dated " + e.date + ", before " + o->last_date;
  report(log, "opinions", seq, e.opinion_id, problem);
  if (o != nullptr) o->reported_back = true;
}

}  // namespace plenum::clients::verify::detail
