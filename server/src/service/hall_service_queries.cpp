// The read side: get_state and the get_* queries, and the views the state push is made of.
// Each reads the state through the pipeline (under its mutex, for as long as it reads) and the
// events through the broadcaster.
#include <algorithm>
#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <filesystem>
#include <limits>
#include <type_traits>
#include <utility>

#include "domain/ceremony.hpp"
#include "domain/contact_views.hpp"
#include "domain/decide.hpp"
#include "domain/follow_up.hpp"
#include "domain/group_views.hpp"
#include "domain/monthly_report.hpp"
#include "domain/performance_file.hpp"
#include "domain/proposal_views.hpp"
#include "domain/views.hpp"
#include "export/record_export.hpp"
#include "plenum/protocol/codec_board.hpp"
#include "plenum/protocol/codec_manifest.hpp"
#include "plenum/protocol/record.hpp"
#include "service/broadcaster.hpp"
#include "service/command_pipeline.hpp"
#include "service/hall_service.hpp"
#include "service/session.hpp"

namespace plenum::server::service {

namespace json = boost::json;

namespace {

// The sitting the hall is about: an open one, else a scheduled one, else the last closed.
const domain::sitting* current_sitting(const domain::congress_state& state) {
  const domain::sitting* scheduled = nullptr;
  const domain::sitting* closed = nullptr;
  for (const auto& [id, s] : state.sittings()) {
    if (s.state == domain::sitting::status::open) return &s;
    if (s.state == domain::sitting::status::scheduled && scheduled == nullptr) scheduled = &s;
    if (s.state == domain::sitting::status::closed) closed = &s;
  }
  return scheduled != nullptr ? scheduled : closed;
}

json::object congress_json(const domain::congress_state& state) {
  if (!state.congress()) return {};
  const auto& c = *state.congress();
  return {{"id", c.id}, {"name", c.name}, {"term_start", c.term_start}, {"term_end", c.term_end}};
}

std::string sitting_or_current(const domain::congress_state& state,
                               const std::optional<std::string>& given) {
  if (given) return *given;
  const auto* s = current_sitting(state);
  return s != nullptr ? s->id : std::string();
}

json::object ceremony_json(const domain::congress_state& state, const domain::sitting& s) {
  const auto& c = *s.ceremony;
  json::array scrutineers;
  for (std::size_t i = 0; i < c.scrutineers.size(); ++i) {
    scrutineers.push_back(
        json::object{{"index", i + 1}, {"person", c.scrutineers[i]}, {"pk", c.keys[i].hex()}});
  }
  json::array keygen;
  for (const auto& [index, message] : c.keygen)
    keygen.push_back(protocol::encode_keygen_message(message));
  json::object confirmations;
  for (const auto& [index, sig] : c.confirmations) confirmations[std::to_string(index)] = sig;
  json::object out{{"sitting_id", s.id},
                   {"congress_id", state.congress() ? state.congress()->id : ""},
                   {"ceremony_id", c.ceremony_id},
                   {"n", c.scrutineers.size()},
                   {"k", c.k},
                   {"scrutineers", std::move(scrutineers)},
                   {"keygen", std::move(keygen)},
                   {"confirmations", std::move(confirmations)},
                   {"complete", c.complete}};
  if (c.joint_key) {
    out["joint_key"] = c.joint_key->hex();
    json::array zs;
    for (const auto& z : c.verification_keys) zs.emplace_back(z.hex());
    out["verification_keys"] = std::move(zs);
  }
  return out;
}

}  // namespace

json::object hall_service::public_view_of(const domain::congress_state& state,
                                          bool privileged) const {
  // The view depends on the state and, through the embargo, on the durable board: kept for
  // as long as neither moves. The embargo changes only with the durable count, under the
  // broadcaster's mutex: a view made while the count stayed the same is the view of that count.
  // The hall's machines are no event: their part is added to the view kept or made.
  const std::uint64_t next_seq = state.next_seq();
  const std::uint64_t durable = pushes_->durable_count();
  json::object view;
  bool kept = false;
  {
    std::lock_guard lock(views_mutex_);
    const auto& made = views_made_[privileged ? 1 : 0];
    if (made.valid && made.next_seq == next_seq && made.durable == durable) {
      view = made.view;
      kept = true;
    }
  }
  if (!kept) {
    view = make_public_view(state, privileged);
    if (pushes_->durable_count() == durable) {
      std::lock_guard lock(views_mutex_);
      views_made_[privileged ? 1 : 0] = made_view{true, next_seq, durable, view};
    }
  }
  view["hall"] = hall_view();
  return view;
}

json::object hall_service::hall_view() const {
  std::lock_guard lock(hall_mutex_);
  return json::object{{"serving", config_.serving_address}, {"standby", standby_sync_}};
}

void hall_service::set_standby_sync(std::string state) {
  {
    std::lock_guard lock(hall_mutex_);
    if (standby_sync_ == state) return;
    standby_sync_ = std::move(state);
  }
  pushes_->notify_state();
}

std::string hall_service::standby_sync() const {
  std::lock_guard lock(hall_mutex_);
  return standby_sync_;
}

json::object hall_service::make_public_view(const domain::congress_state& state,
                                            bool privileged) const {
  const auto* s = current_sitting(state);
  if (s == nullptr) return json::object{{"congress", congress_json(state)}};
  auto view = domain::public_snapshot(state, s->id);
  if (!view) return json::object{{"congress", congress_json(state)}};
  if (privileged) return std::move(*view);
  // Under embargo a decided vote shows that it is counted, not how: the counts, the outcome
  // and the digest that would let anyone try every possible count.
  if (auto* votes = view->if_contains("votes"); votes != nullptr && votes->is_array()) {
    for (auto& v : votes->as_array()) {
      auto& o = v.as_object();
      const auto* announced = o.if_contains("announced");
      const bool public_result = announced != nullptr && announced->is_bool() &&
                                 announced->as_bool() &&
                                 !pushes_->embargo().under_embargo(o.at("id").as_string());
      if (o.at("status").as_string() != "decided" || public_result) continue;
      for (auto key :
           {"counts", "outcome", "result_digest", "decrypted_by", "signatures", "signed_by"})
        o.erase(key);
      o["announced"] = false;
    }
  }
  return std::move(*view);
}

void hall_service::reply_state(const session& session, std::uint64_t id) const {
  const std::uint64_t failed_seen = pushes_->failed_commits();
  auto [view, events] = commands_->read([&](const domain::congress_state& state) {
    return std::pair{state_view_of(state, session), state.next_seq()};
  });
  auto frame = std::make_shared<const std::string>(
      protocol::encode_ok(id, json::object{{"state", std::move(view)}}));
  pushes_->send_view_when_durable(
      events, failed_seen,
      [this, conn = session.conn, frame, id, events](boost::system::error_code ec) {
        if (ec) {
          return conn->send(
              std::make_shared<const std::string>(protocol::encode_error(id, ec, ec.message())));
        }
        // After the board events it counts, also on a connection fed from the log.
        pushes_->send_after_board(conn, events, frame);
      });
}

json::object hall_service::state_view_of(const domain::congress_state& state,
                                         const session& session) const {
  const auto& device_key = session.device_key;
  json::object view = public_view_of(state, session.privileged);
  // What a tablet needs to make a ballot: the manifests of the votes that opened, and the
  // sitting's joint key.
  if (const auto* s = current_sitting(state)) {
    json::object manifests;
    for (const auto& [id, v] : state.votes()) {
      if (v.sitting_id == s->id && v.state != domain::vote::status::created)
        manifests[id] = protocol::encode_manifest(v.manifest);
    }
    view["manifests"] = std::move(manifests);
    if (s->ceremony && s->ceremony->joint_key) view["joint_key"] = s->ceremony->joint_key->hex();
  }
  if (!device_key) return view;
  auto who = domain::authenticate(state, *device_key);
  if (!who) return view;
  const auto* s = current_sitting(state);
  auto me = domain::delegate_view(state, who->person_id, s != nullptr ? s->id : "");
  if (me) view["me"] = std::move(*me);
  return view;
}

std::string hall_service::query(std::uint64_t id, const protocol::hall_request& r,
                                const session& session) const {
  const auto& device_key = session.device_key;
  auto error = [id](boost::system::error_code ec) {
    return protocol::encode_error(id, ec, ec.message());
  };
  if (const auto* q = std::get_if<protocol::get_board_request>(&r)) {
    json::array events;
    const auto selection = !q->only               ? board_selection::every
                           : *q->only == "course" ? board_selection::course
                                                  : board_selection::basis;
    for (const auto& e :
         pushes_->durable_events(q->from_seq, q->limit.value_or(protocol::max_board_page),
                                 selection, device_key ? device_key->hex() : std::string()))
      events.push_back(
          protocol::encode_board_event(pushes_->board_event_for(e, session.privileged)));
    const std::uint64_t durable = pushes_->durable_count();
    return protocol::encode_ok(id,
                               json::object{{"events", std::move(events)}, {"next_seq", durable}});
  }
  if (!device_key) return error(errc::unauthenticated);
  if (std::holds_alternative<protocol::export_record_request>(r)) {
    auto refused = commands_->read(
        [&](const domain::congress_state& state) -> std::optional<boost::system::error_code> {
          auto who = domain::authenticate(state, *device_key);
          if (!who) return who.error();
          if (!who->holds_any(
                  {domain::role::secretary, domain::role::scrutineer, domain::role::observer}))
            return make_error_code(errc::permission_denied);
          // A record holds every result: an observer's waits until each is announced.
          if (!session.privileged && pushes_->embargo().any())
            return make_error_code(errc::result_under_embargo);
          return std::nullopt;
        });
    if (refused) return error(*refused);
    // Outside the hall's lock: commands go on while the files are written. A record is named
    // by its number of events, so exporting the same board twice reuses the first export.
    const auto events = pushes_->durable_events(0, std::numeric_limits<std::uint64_t>::max());
    const auto dir = config_.data_dir / "exports" / ("record-" + std::to_string(events.size()));
    std::error_code fs_error;
    if (!std::filesystem::exists(dir / protocol::record_header_file, fs_error)) {
      std::filesystem::remove_all(dir, fs_error);  // what a failed earlier attempt left
      auto summary = record_export::write_record(events, congress_key_, dir);
      if (!summary) return error(summary.error());
    }
    const auto receipts = std::count_if(events.begin(), events.end(),
                                        [](const auto& e) { return e.type == "ballot_accepted"; });
    return protocol::encode_ok(
        id,
        json::object{
            {"record", json::object{{"dir", dir.string()},
                                    {"events", events.size()},
                                    {"receipts", receipts},
                                    {"head_hash",
                                     events.empty() ? std::string()
                                                    : crypto::to_hex(events.back().entry_hash)}}}});
  }
  return commands_->read(
      [&](const domain::congress_state& state) { return hall_query(id, r, *device_key, state); });
}

std::string hall_service::hall_query(std::uint64_t id, const protocol::hall_request& r,
                                     const crypto::public_key& device_key,
                                     const domain::congress_state& state) const {
  auto error = [id](boost::system::error_code ec) {
    return protocol::encode_error(id, ec, ec.message());
  };
  auto who = domain::authenticate(state, device_key);
  if (!who) return error(who.error());
  if (const auto* q = std::get_if<protocol::get_roster_request>(&r)) {
    if (!who->holds_any({domain::role::secretary, domain::role::chair}))
      return error(errc::permission_denied);
    return protocol::encode_ok(
        id, json::object{{"roster", domain::secretary_view(
                                        state, sitting_or_current(state, q->sitting_id))}});
  }
  if (const auto* q = std::get_if<protocol::get_monthly_report_request>(&r)) {
    if (!who->holds_any({domain::role::secretary, domain::role::chair}))
      return error(errc::permission_denied);
    const auto today = domain::civil_date::of_unix_ms(clock_->now_ms());
    auto month = q->month.empty() ? domain::report_month::of(today).previous()
                                  : domain::report_month::parse(q->month);
    if (!month) return error(errc::invalid_month);
    return protocol::encode_ok(
        id, json::object{{"today", today.text()},
                         {"monthly_report", domain::monthly_report_view(state, *month, today)}});
  }
  if (const auto* q = std::get_if<protocol::get_performance_file_request>(&r)) {
    const std::string person = q->person.empty() ? who->person_id : q->person;
    const bool office = who->holds_any({domain::role::secretary, domain::role::chair});
    if (!office && person != who->person_id) return error(errc::permission_denied);
    if (state.find_person(person) == nullptr) return error(errc::unknown_person);
    const auto today = domain::civil_date::of_unix_ms(clock_->now_ms());
    return protocol::encode_ok(
        id, json::object{{"performance_file", domain::performance_file(state, person, today)}});
  }
  if (std::holds_alternative<protocol::get_groups_request>(r)) {
    const auto today = domain::civil_date::of_unix_ms(clock_->now_ms());
    return protocol::encode_ok(id, domain::groups_view(state, today));
  }
  if (std::holds_alternative<protocol::get_activities_request>(r)) {
    const bool desk = who->holds_any({domain::role::secretary, domain::role::chair});
    return protocol::encode_ok(id, domain::activities_view(state, desk ? "" : who->person_id));
  }
  if (std::holds_alternative<protocol::get_follow_up_request>(r)) {
    if (!who->holds_any({domain::role::secretary, domain::role::chair}))
      return error(errc::permission_denied);
    return protocol::encode_ok(id, json::object{{"follow_up", domain::follow_up_view(state)}});
  }
  if (const auto* q = std::get_if<protocol::get_my_status_request>(&r)) {
    auto me =
        domain::delegate_view(state, who->person_id, sitting_or_current(state, q->sitting_id));
    if (!me) return error(me.error());
    return protocol::encode_ok(id, json::object{{"status", std::move(*me)}});
  }
  if (std::holds_alternative<protocol::get_proposals_request>(r)) {
    const auto today = domain::civil_date::of_unix_ms(clock_->now_ms());
    const bool desk = who->holds_any({domain::role::secretary, domain::role::chair});
    return protocol::encode_ok(
        id,
        json::object{{"today", today.text()},
                     {"proposals", desk ? domain::desk_proposals(state, today)
                                        : domain::own_proposals(state, who->person_id, today)}});
  }
  if (std::holds_alternative<protocol::get_contacts_request>(r) ||
      std::holds_alternative<protocol::get_opinions_request>(r)) {
    // Private details from the store beside the log; the views give them only to the office
    // and to the delegate who keeps the contact.
    const domain::details_lookup details =
        [this](const std::string& digest) -> std::optional<json::object> {
      auto row = log_->private_details(digest);
      if (!row) return std::nullopt;
      json::error_code ec;
      auto parsed = json::parse(row->details, ec);
      if (ec || !parsed.is_object()) return std::nullopt;
      return parsed.as_object();
    };
    const bool office = who->holds_any({domain::role::secretary, domain::role::chair});
    if (std::holds_alternative<protocol::get_contacts_request>(r))
      return protocol::encode_ok(
          id, json::object{
                  {"contacts", domain::contacts_view(state, who->person_id, office, details)}});
    const auto today = domain::civil_date::of_unix_ms(clock_->now_ms());
    return protocol::encode_ok(
        id, json::object{{"today", today.text()},
                         {"opinions",
                          domain::opinions_view(state, who->person_id, office, today, details)}});
  }
  if (const auto* q = std::get_if<protocol::get_ceremony_request>(&r)) {
    const auto* s = state.find_sitting(q->sitting_id);
    if (s == nullptr) return error(errc::no_sitting);
    if (!s->ceremony) return error(errc::no_ceremony);
    return protocol::encode_ok(id, json::object{{"ceremony", ceremony_json(state, *s)}});
  }
  if (const auto* q = std::get_if<protocol::get_tally_request>(&r)) {
    const auto* v = state.find_vote(q->vote_id);
    if (v == nullptr) return error(errc::unknown_vote);
    if (v->state == domain::vote::status::created) return error(errc::vote_not_open);
    if (v->state == domain::vote::status::open) return error(errc::vote_still_open);
    json::array aggregates;
    for (const auto& ct : domain::vote_aggregates(*v))
      aggregates.push_back(json::object{{"a", ct.alpha.hex()}, {"b", ct.beta.hex()}});
    return protocol::encode_ok(
        id, json::object{{"tally", json::object{{"vote_id", v->id},
                                                {"sitting_id", v->sitting_id},
                                                {"election_hash", v->election_hash},
                                                {"ballots", v->ballots.size()},
                                                {"closed_seq", v->closed_seq},
                                                {"aggregates", std::move(aggregates)}}}});
  }
  if (const auto* q = std::get_if<protocol::get_roster_proof_request>(&r)) {
    const auto* v = state.find_vote(q->vote_id);
    if (v == nullptr) return error(errc::unknown_vote);
    if (v->state == domain::vote::status::created || !v->tree.tree)
      return error(errc::vote_not_open);
    const std::string key = device_key.hex();
    const auto at = std::lower_bound(v->roster.begin(), v->roster.end(), key);
    if (at == v->roster.end() || *at != key) return error(errc::not_in_roster);
    const auto index = static_cast<std::uint64_t>(at - v->roster.begin());
    const auto path = v->tree.tree->inclusion_proof(index);
    if (!path) return error(errc::internal);
    json::array hashes;
    for (const auto& h : *path) hashes.push_back(json::string(crypto::to_hex(h)));
    return protocol::encode_ok(id,
                               json::object{{"proof", json::object{{"vote_id", v->id},
                                                                   {"index", index},
                                                                   {"count", v->tree.tree->count()},
                                                                   {"path", std::move(hashes)}}}});
  }
  return error(errc::unknown_message_type);
}

}  // namespace plenum::server::service
