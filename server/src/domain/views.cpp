#include "domain/views.hpp"

#include <algorithm>
#include <boost/json/parse.hpp>

#include "domain/proposal_views.hpp"
#include "domain/quorum.hpp"
#include "plenum/protocol/codec_manifest.hpp"

namespace plenum::server::domain {

namespace json = boost::json;

namespace {

std::string_view status_name(sitting::status s) {
  switch (s) {
    case sitting::status::scheduled:
      return "scheduled";
    case sitting::status::open:
      return "open";
    case sitting::status::closed:
      return "closed";
  }
  return "scheduled";
}

std::string_view status_name(vote::status s) {
  switch (s) {
    case vote::status::created:
      return "created";
    case vote::status::open:
      return "open";
    case vote::status::closed:
      return "closed";
    case vote::status::decided:
      return "decided";
  }
  return "created";
}

std::vector<const agenda_item*> ordered_items(const sitting& s) {
  std::vector<const agenda_item*> items;
  for (const auto& [id, item] : s.items) items.push_back(&item);
  std::stable_sort(items.begin(), items.end(),
                   [](const agenda_item* a, const agenda_item* b) { return a->order < b->order; });
  return items;
}

json::object item_json(const agenda_item& item) {
  json::array materials;
  for (const auto& m : item.materials)
    materials.push_back(json::object{
        {"id", m.id}, {"title", m.title}, {"text", m.text}, {"url", m.url}, {"digest", m.digest}});
  json::object out{{"id", item.id},
                   {"kind", to_string(item.kind)},
                   {"title", item.title},
                   {"order", item.order},
                   {"responsible", item.responsible},
                   {"proposal_id", item.proposal_id},
                   {"materials", std::move(materials)}};
  if (!item.follow_up.empty()) out["follow_up"] = item.follow_up;
  return out;
}

json::object vote_json(const congress_state& state, const vote& v) {
  json::object o{{"id", v.id},
                 {"item_id", v.item_id},
                 {"kind", protocol::to_string(v.kind)},
                 {"title", v.title},
                 {"secret", v.secret},
                 {"status", status_name(v.state)},
                 {"rule", v.rule_text},
                 {"follow_up_of", v.follow_up_of}};
  if (v.state != vote::status::created) {
    o["seated"] = v.seated;
    o["present"] = v.present;
    o["received"] = v.ballots.size();
    std::uint64_t eligible = 0;
    if (const sitting* s = state.find_sitting(v.sitting_id))
      for (const auto& number : v.eligible)
        if (s->present.contains(number)) ++eligible;
    o["eligible_present"] = eligible;
    o["election_hash"] = v.election_hash;
  }
  if (v.state == vote::status::decided) {
    json::array counts;
    for (auto n : v.counts) counts.emplace_back(n);
    o["counts"] = std::move(counts);
    o["outcome"] = json::parse(v.outcome_text);
    o["result_digest"] = v.result_digest;
    o["decrypted_by"] = v.partials.size();
    json::array signers;
    for (const auto& [index, sig] : v.result_signatures) signers.emplace_back(index);
    o["signatures"] = v.result_signatures.size();
    o["signed_by"] = std::move(signers);
    o["announced"] = v.announcement.has_value();
  }
  return o;
}

// Where a proposal stands: submitted (waiting for the chair), on_agenda (an item of a sitting),
// decided (a vote on that item was announced).
std::string_view proposal_status(const congress_state& state, const proposal& pr) {
  if (pr.item_id.empty()) return "submitted";
  for (const auto& [id, v] : state.votes())
    if (v.sitting_id == pr.sitting_id && v.item_id == pr.item_id && v.announcement)
      return "decided";
  return "on_agenda";
}

}  // namespace

result<json::object> public_snapshot(const congress_state& state, std::string_view sitting_id) {
  const sitting* s = state.find_sitting(sitting_id);
  if (s == nullptr) return errc::no_sitting;
  const std::uint64_t seated = state.seated(*s).size();
  const std::uint64_t present = state.present_count(*s);
  json::object o;
  // The same object as the view without a sitting (one meaning per name).
  if (state.congress()) {
    const auto& c = *state.congress();
    o["congress"] = json::object{
        {"id", c.id}, {"name", c.name}, {"term_start", c.term_start}, {"term_end", c.term_end}};
  }
  o["sitting"] =
      json::object{{"id", s->id},
                   {"title", s->title},
                   {"date", s->date},
                   {"status", status_name(s->state)},
                   {"checkin_open", s->checkin_open},
                   {"kind", s->kind == sitting::meeting::annual ? "annual" : "extraordinary"},
                   {"year", s->year}};
  o["seated"] = seated;
  o["present"] = present;
  o["excused"] = s->excused.size();
  o["quorum"] = json::object{{"required", quorum_required(seated)},
                             {"shortfall", quorum_shortfall(seated, present)},
                             {"holds", seated > 0 && quorum_holds(seated, present)}};
  json::array agenda;
  for (const auto* item : ordered_items(*s)) agenda.push_back(item_json(*item));
  o["agenda"] = std::move(agenda);
  o["current_item"] = s->current_item ? json::value(*s->current_item) : json::value(nullptr);
  json::array votes;
  for (const auto& [id, v] : state.votes())
    if (v.sitting_id == s->id) votes.push_back(vote_json(state, v));
  o["votes"] = std::move(votes);
  if (s->ceremony) {
    const auto& c = *s->ceremony;
    o["ceremony"] = json::object{{"n", c.scrutineers.size()},
                                 {"k", c.k},
                                 {"ceremony_id", c.ceremony_id},
                                 {"confirmed", c.confirmations.size()},
                                 {"complete", c.complete}};
  } else {
    o["ceremony"] = nullptr;
  }
  return o;
}

result<json::object> vote_progress(const congress_state& state, std::string_view vote_id) {
  const vote* v = state.find_vote(vote_id);
  if (v == nullptr) return errc::unknown_vote;
  const sitting* s = state.find_sitting(v->sitting_id);
  json::array not_voted;
  std::uint64_t eligible = 0;
  for (const auto& number : v->eligible) {
    if (s == nullptr || !s->present.contains(number)) continue;
    ++eligible;
    if (!v->ballots.contains(number)) not_voted.emplace_back(number);
  }
  return json::object{{"vote_id", v->id},
                      {"status", status_name(v->state)},
                      {"received", v->ballots.size()},
                      {"eligible_present", eligible},
                      {"not_voted", std::move(not_voted)}};
}

json::object secretary_view(const congress_state& state, std::string_view sitting_id) {
  const sitting* s = state.find_sitting(sitting_id);
  json::array persons;
  for (const auto& p : state.persons()) {
    json::object o = person_json(p);
    const enrollment* en = state.find_enrollment(p.number);
    o["code_outstanding"] = en != nullptr && !en->code_spent;
    o["enrolled"] = en != nullptr && en->device_key.has_value();
    if (s != nullptr) {
      o["present"] = s->present.contains(p.number);
      auto x = s->excused.find(p.number);
      o["excused"] = x != s->excused.end();
      if (x != s->excused.end()) {
        o["excuse_reason"] = x->second.reason;
        o["excuse_approver"] = x->second.approver;
      }
    }
    persons.push_back(std::move(o));
  }
  json::array warnings;
  for (const auto& w : state.warnings()) warnings.push_back(warning_json(w));
  json::array proposals;
  for (const auto& [id, pr] : state.proposals()) {
    const person* by = state.find_person(pr.by);
    proposals.push_back(json::object{{"id", pr.id},
                                     {"by", pr.by},
                                     {"by_name", by != nullptr ? by->name : std::string()},
                                     {"title", pr.title},
                                     {"text", pr.text},
                                     {"submitted_ms", pr.submitted_ms},
                                     {"status", proposal_status(state, pr)},
                                     {"sitting_id", pr.sitting_id},
                                     {"item_id", pr.item_id}});
  }
  return {{"persons", std::move(persons)},
          {"warnings", std::move(warnings)},
          {"warnings_acknowledged", state.warnings_acknowledged()},
          {"proposals", std::move(proposals)}};
}

result<json::object> delegate_view(const congress_state& state, std::string_view person,
                                   std::string_view sitting_id) {
  const auto* p = state.find_person(person);
  if (p == nullptr) return errc::unknown_person;
  json::object o{{"person", person_json(*p)}};
  const sitting* s = state.find_sitting(sitting_id);
  if (s != nullptr) {
    const std::string number(person);
    o["seated"] = state.sits_in(*s, number) && !s->excused.contains(number);
    o["present"] = s->present.contains(number);
    o["excused"] = s->excused.contains(number);
    json::array receipts;
    for (const auto& [id, v] : state.votes()) {
      if (v.sitting_id != s->id) continue;
      auto b = v.ballots.find(number);
      if (b == v.ballots.end()) continue;
      receipts.push_back(json::object{{"vote_id", v.id},
                                      {"tracking_code", b->second.tracking_code},
                                      {"board_seq", b->second.seq}});
    }
    o["receipts"] = std::move(receipts);
  }
  return o;
}

json::object full_snapshot(const congress_state& state) {
  json::object o;
  o["next_seq"] = state.next_seq();
  if (state.congress())
    o["congress"] = json::object{{"id", state.congress()->id},
                                 {"name", state.congress()->name},
                                 {"term_start", state.congress()->term_start},
                                 {"term_end", state.congress()->term_end}};
  o["secretary"] = secretary_view(state, "");
  // Each proposal's handling (overdue is left to the day of the query: a fixed day here).
  o["proposals"] = desk_proposals(state, civil_date{});
  json::object calendar;
  for (const auto& [year, c] : state.calendar().years()) {
    json::array holidays;
    json::array workdays;
    for (const auto& d : c.holidays) holidays.emplace_back(d.text());
    for (const auto& d : c.workdays) workdays.emplace_back(d.text());
    calendar[std::to_string(year)] =
        json::object{{"holidays", std::move(holidays)}, {"workdays", std::move(workdays)}};
  }
  o["calendar"] = std::move(calendar);
  json::object enrollments;
  for (const auto& [number, en] : state.enrollments())
    enrollments[number] =
        json::object{{"salt", en.code_salt},
                     {"hash", en.code_hash},
                     {"spent", en.code_spent},
                     {"issued", en.codes_issued},
                     {"device_pk", en.device_key ? en.device_key->hex() : std::string()}};
  o["enrollments"] = std::move(enrollments);
  json::object sittings;
  for (const auto& [id, s] : state.sittings()) {
    json::object so = *public_snapshot(state, id);
    json::object present;
    for (const auto& [number, r] : s.present)
      present[number] = json::object{{"unix_ms", r.unix_ms},     {"signature", r.signature},
                                     {"signer_pk", r.signer_pk}, {"assisted", r.assisted},
                                     {"reason", r.reason},       {"seq", r.seq}};
    so["present_records"] = std::move(present);
    sittings[id] = std::move(so);
  }
  o["sittings"] = std::move(sittings);
  json::object votes;
  for (const auto& [id, v] : state.votes()) {
    json::object vo = vote_json(state, v);
    vo["manifest"] = protocol::encode_manifest(v.manifest);
    json::object ballots;
    for (const auto& [number, b] : v.ballots)
      ballots[number] = json::object{{"tracking_code", b.tracking_code}, {"seq", b.seq}};
    vo["ballots"] = std::move(ballots);
    votes[id] = std::move(vo);
  }
  o["votes"] = std::move(votes);
  return o;
}

}  // namespace plenum::server::domain
