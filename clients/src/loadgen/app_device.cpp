#include "app_device.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <future>

#include "roster_proof_check.hpp"

namespace plenum::clients::loadgen {

namespace json = boost::json;

namespace {

// What in the public view can change a delegate's own view (tablet.tsx courseOf): the sitting
// and its check-in, the seated and excused, the current item (not a vote's status).
std::string course_of(const json::object& state) {
  auto member = [&state](std::string_view key) {
    const auto* v = state.if_contains(key);
    return v != nullptr ? *v : json::value();
  };
  json::value sitting = member("sitting");
  auto of_sitting = [&sitting](std::string_view key) {
    const auto* o = sitting.if_object();
    const auto* v = o != nullptr ? o->if_contains(key) : nullptr;
    return v != nullptr ? *v : json::value();
  };
  return json::serialize(json::array{of_sitting("id"), of_sitting("status"),
                                     of_sitting("checkin_open"), member("seated"),
                                     member("excused"), member("current_item")});
}

// The get_board page size of client.ts.
constexpr std::uint64_t page_size = 500;

// The frame type of a push, read without parsing it: the envelope puts "type" first after "v".
std::string_view frame_type(std::string_view text) {
  constexpr std::string_view key = "\"type\":\"";
  const auto at = text.find(key);
  if (at == std::string_view::npos) return {};
  const auto from = at + key.size();
  const auto to = text.find('"', from);
  return to == std::string_view::npos ? std::string_view{} : text.substr(from, to - from);
}

// How many events a board_events push carries, counted by their entry hashes (a payload is an
// escaped string, so its keys never match).
std::size_t events_in(std::string_view text) {
  std::size_t n = 0;
  for (auto at = text.find("\"entry_hash\""); at != std::string_view::npos;
       at = text.find("\"entry_hash\"", at + 1))
    ++n;
  return n;
}

}  // namespace

app_device_sim::app_device_sim(const app_subscription& sub, std::shared_ptr<async_connection> conn,
                               const app_watch& watch, error_tally& errors,
                               const crypto::public_key& congress_pk,
                               const crypto::public_key& own_key)
    : sub_(sub),
      conn_(std::move(conn)),
      watch_(watch),
      errors_(errors),
      congress_pk_(congress_pk),
      own_key_(own_key),
      board_(congress_pk) {}

void app_device_sim::send(std::string type, json::object fields,
                          std::function<void(const protocol::frame*)> then) {
  const auto id = conn_->next_id();
  json::object frame{{"v", 1}, {"id", id}, {"type", std::move(type)}};
  for (auto& [k, v] : fields) frame[k] = std::move(v);
  conn_->send(id, std::make_shared<const std::string>(json::serialize(frame)),
              [self = shared_from_this(), then = std::move(then)](boost::system::error_code ec,
                                                                  const protocol::frame* f) {
                if (ec) {
                  self->errors_.add(ec);
                  return then(nullptr);
                }
                if (f->type != "ok") {
                  auto* code = f->fields.if_contains("code");
                  self->errors_.add(code != nullptr && code->is_string()
                                        ? std::string(code->as_string())
                                        : std::string("error"));
                  return then(nullptr);
                }
                then(f);
              });
}

void app_device_sim::start(std::function<void(bool)> done) {
  // The device holds its connection; the connection's push handler must not hold the device
  // back (a cycle that outlives the run): whoever started the device keeps it alive.
  conn_->on_push([weak = weak_from_this()](std::string_view text) {
    if (auto self = weak.lock()) self->on_push(text);
  });
  join_bytes_from_ = conn_->bytes_received();
  if (sub_.reads_board_past) return read_page(0, std::move(done));
  subscribe(std::move(done));
}

void app_device_sim::read_page(std::uint64_t from, std::function<void(bool)> done) {
  json::object fields{{"from_seq", from}, {"limit", page_size}};
  if (!sub_.board_read_only.empty()) fields["only"] = sub_.board_read_only;
  send("get_board", std::move(fields),
       [self = shared_from_this(), from, done = std::move(done)](const protocol::frame* f) {
         if (f == nullptr) return done(false);
         const auto* events = f->fields.if_contains("events");
         if (events == nullptr || !events->is_array()) {
           self->errors_.add("get_board without events");
           return done(false);
         }
         for (const auto& e : events->as_array()) self->on_board_event(e);
         const auto n = events->as_array().size();
         if (n < page_size || self->next_seq_ == from) {
           // The course's past ends where the board does: the events left out are gaps.
           if (const auto* next = f->fields.if_contains("next_seq");
               self->reads_course() && next != nullptr && next->is_number())
             self->next_seq_ = std::max(self->next_seq_, next->to_number<std::uint64_t>());
           return self->subscribe(done);
         }
         self->read_page(self->next_seq_, done);
       });
}

void app_device_sim::subscribe(std::function<void(bool)> done) {
  json::object fields{{"topics", json::parse(sub_.topics_json)}, {"since_seq", next_seq_}};
  send("subscribe", std::move(fields),
       [self = shared_from_this(), done = std::move(done)](const protocol::frame* f) {
         if (f == nullptr) return done(false);
         // PlenumClient reads the state once it is subscribed.
         self->send("get_state", {}, [self, done](const protocol::frame* g) {
           if (g == nullptr) return done(false);
           if (const auto* s = g->fields.if_contains("state")) self->look_at_state(*s);
           self->join_bytes_ = self->conn_->bytes_received() - self->join_bytes_from_;
           done(true);
         });
       });
}

void app_device_sim::read_state() {
  ++state_reads_;
  send("get_state", {}, [self = shared_from_this()](const protocol::frame* f) {
    if (f == nullptr) return;
    if (const auto* s = f->fields.if_contains("state")) self->look_at_state(*s);
  });
}

void app_device_sim::after_receipt(const protocol::receipt& r,
                                   const std::optional<protocol::board_event>& entry) {
  if (!sub_.reads_own_ballot_after_receipt) return;
  if (entry) {
    if (!holds_own_ballot(*entry, r)) errors_.add("own ballot not on the board as receipted");
    return;
  }
  send("get_board", json::object{{"from_seq", r.board_seq}, {"limit", 1}},
       [self = shared_from_this(), r](const protocol::frame* f) {
         if (f != nullptr) self->check_own_ballot(*f, r);
       });
}

void app_device_sim::check_own_ballot(const protocol::frame& reply, const protocol::receipt& r) {
  const auto* events = reply.fields.if_contains("events");
  std::optional<protocol::board_event> e;
  if (events != nullptr && events->is_array() && !events->as_array().empty())
    if (auto d = protocol::decode_board_event(events->as_array().front())) e = std::move(*d);
  if (!e || !holds_own_ballot(*e, r)) errors_.add("own ballot not on the board as receipted");
}

bool app_device_sim::holds_own_ballot(const protocol::board_event& e,
                                      const protocol::receipt& r) const {
  // The entry hash was recomputed from the other fields when the entry was decoded.
  if (e.seq != r.board_seq || e.entry_hash != r.board_entry_hash || e.type != "ballot_accepted" ||
      !congress_pk_.verify(e.entry_hash, e.sig))
    return false;
  boost::system::error_code ec;
  const auto payload = json::parse(e.payload, ec);
  const auto* code =
      !ec && payload.is_object() ? payload.as_object().if_contains("tracking_code") : nullptr;
  return code != nullptr && code->is_string() &&
         code->as_string() == crypto::to_hex(r.tracking_code);
}

namespace {

// The payload of a board event (its JSON text parsed), or null.
json::value payload_of(const json::value& event) {
  const auto* o = event.if_object();
  const auto* text = o != nullptr ? o->if_contains("payload") : nullptr;
  if (text == nullptr || !text->is_string()) return nullptr;
  boost::system::error_code ec;
  auto v = json::parse(text->as_string(), ec);
  return ec ? json::value(nullptr) : v;
}

std::string string_at(const json::value& v, std::string_view key) {
  const auto* o = v.if_object();
  const auto* s = o != nullptr ? o->if_contains(key) : nullptr;
  return s != nullptr && s->is_string() ? std::string(s->as_string()) : std::string();
}

}  // namespace

void app_device_sim::read_enrollments(std::uint64_t from, std::uint64_t ceremony_seq,
                                      std::vector<std::string> persons) {
  send("get_board", json::object{{"from_seq", from}, {"limit", page_size}, {"only", "course"}},
       [self = shared_from_this(), ceremony_seq,
        persons = std::move(persons)](const protocol::frame* f) mutable {
         const auto* events = f != nullptr ? f->fields.if_contains("events") : nullptr;
         if (events == nullptr || !events->is_array()) return;
         std::uint64_t next = 0;
         for (const auto& e : events->as_array()) {
           const auto* o = e.if_object();
           const auto* seq = o != nullptr ? o->if_contains("seq") : nullptr;
           if (seq == nullptr || !seq->is_number()) return;
           next = seq->to_number<std::uint64_t>() + 1;
           if (next > ceremony_seq) return;
           if (string_at(e, "type") != "device_enrolled") continue;
           ++self->board_events_;
           self->enrolled_held_.insert(string_at(payload_of(e), "person"));
         }
         if (events->as_array().size() == page_size)
           self->read_enrollments(next, ceremony_seq, std::move(persons));
       });
}

void app_device_sim::on_ceremony_pushed(const json::value& event) {
  const auto* o = event.if_object();
  const auto* seq = o != nullptr ? o->if_contains("seq") : nullptr;
  if (seq == nullptr || !seq->is_number()) return;
  const auto payload = payload_of(event);
  const auto* p = payload.if_object();
  const auto* appointed = p != nullptr ? p->if_contains("scrutineers") : nullptr;
  if (appointed == nullptr || !appointed->is_array()) return;
  std::vector<std::string> missing;
  for (const auto& s : appointed->as_array())
    if (auto person = string_at(s, "person"); enrolled_held_.count(person) == 0)
      missing.push_back(std::move(person));
  if (!missing.empty()) read_enrollments(0, seq->to_number<std::uint64_t>(), std::move(missing));
}

void app_device_sim::on_vote_opened_pushed(const json::value& event) {
  auto opened = read_vote_opened(event, congress_pk_);
  if (!opened.refused.empty()) return errors_.add(opened.refused);
  if (!opened.basis) return;  // format 1: the roster is in the event
  auto vote = opened.basis->vote_id;
  send("get_roster_proof", json::object{{"vote_id", std::move(vote)}},
       [self = shared_from_this(), basis = std::move(*opened.basis)](const protocol::frame* f) {
         if (f == nullptr) return;  // the refusal or transport error is counted
         if (auto wrong = roster_proof_error(basis, f->fields, self->own_key_))
           self->errors_.add(*wrong);
       });
}

void app_device_sim::on_board_event(const json::value& event) {
  ++board_events_;
  if (const auto* o = event.if_object())
    if (const auto* seq = o->if_contains("seq"); seq != nullptr && seq->is_number())
      next_seq_ = seq->to_number<std::uint64_t>() + 1;
  if (reads_course() && string_at(event, "type") == "device_enrolled")
    enrolled_held_.insert(string_at(payload_of(event), "person"));
  if (!sub_.keeps_board) return;
  auto e = protocol::decode_board_event(event);
  if (!e) {
    errors_.add("board event undecodable");
    return;
  }
  std::lock_guard lock(board_mutex_);
  if (e->seq < board_.events.size()) return;  // a replay overlapping what it holds
  if (auto added = board_.add(*e); !added) errors_.add("board event refused");
}

void app_device_sim::on_push(std::string_view text) {
  const auto type = frame_type(text);
  if (type == "board_events") {
    if (sub_.keeps_board) {
      boost::system::error_code ec;
      auto v = json::parse(text, ec);
      if (ec || !v.is_object()) return errors_.add("push unreadable");
      auto& o = v.as_object();
      if (auto* many = o.if_contains("events"); many != nullptr && many->is_array())
        for (const auto& e : many->as_array()) on_board_event(e);
    } else {
      board_events_ += events_in(text);
      if (reads_course() && (text.find("\"type\":\"ceremony_started\"") != std::string_view::npos ||
                             text.find("\"type\":\"vote_opened\"") != std::string_view::npos)) {
        boost::system::error_code ec;
        auto v = json::parse(text, ec);
        const auto* o = !ec ? v.if_object() : nullptr;
        const auto* many = o != nullptr ? o->if_contains("events") : nullptr;
        if (many != nullptr && many->is_array())
          for (const auto& e : many->as_array()) {
            if (string_at(e, "type") == "ceremony_started") on_ceremony_pushed(e);
            if (string_at(e, "type") == "vote_opened") on_vote_opened_pushed(e);
          }
      }
    }
    if (sub_.refreshes_state_on_announcement &&
        text.find("\"type\":\"result_announced\"") != std::string_view::npos)
      read_state();
  } else if (type == "state") {
    ++state_pushes_;
    boost::system::error_code ec;
    auto v = json::parse(text, ec);
    if (ec || !v.is_object()) return errors_.add("push unreadable");
    const auto* s = v.as_object().if_contains("state");
    if (s == nullptr) return;
    look_at_state(*s);
    if (sub_.refreshes_state_on_course_change && s->is_object() && !s->as_object().contains("me")) {
      std::string course = course_of(s->as_object());
      if (course != last_course_) {
        last_course_ = std::move(course);
        read_state();
      }
    }
  }
}

void app_device_sim::look_at_state(const json::value& state) {
  const auto ballots = watch_.ballots.load();
  if (ballots == 0 || !state.is_object()) return;
  const auto* votes = state.as_object().if_contains("votes");
  if (votes == nullptr || !votes->is_array()) return;
  for (const auto& v : votes->as_array()) {
    const auto* o = v.if_object();
    if (o == nullptr) continue;
    const auto* id = o->if_contains("id");
    if (id == nullptr || !id->is_string() || id->as_string() != watch_.vote_id) continue;
    const auto now = clock::now().time_since_epoch().count();
    const auto* received = o->if_contains("received");
    if (progress_at_ == 0 && received != nullptr && received->is_number() &&
        received->to_number<std::uint64_t>() >= ballots)
      progress_at_ = now;
    const auto* announced = o->if_contains("announced");
    if (announced_at_ == 0 && announced != nullptr && announced->is_bool() &&
        announced->as_bool() && o->contains("counts"))
      announced_at_ = now;
  }
}

std::optional<app_device_sim::clock::time_point> app_device_sim::progress_seen_at() const {
  const auto t = progress_at_.load();
  if (t == 0) return std::nullopt;
  return clock::time_point(clock::duration(t));
}

std::optional<app_device_sim::clock::time_point> app_device_sim::announced_seen_at() const {
  const auto t = announced_at_.load();
  if (t == 0) return std::nullopt;
  return clock::time_point(clock::duration(t));
}

std::optional<json::object> app_device_sim::call(
    const std::function<std::string(std::uint64_t)>& encode) {
  auto done = std::make_shared<std::promise<std::optional<json::object>>>();
  auto result = done->get_future();
  const auto id = conn_->next_id();
  conn_->send(
      id, std::make_shared<const std::string>(encode(id)),
      [self = shared_from_this(), done](boost::system::error_code ec, const protocol::frame* f) {
        if (ec) {
          self->errors_.add(ec);
          return done->set_value(std::nullopt);
        }
        if (f->type != "ok") {
          auto* code = f->fields.if_contains("code");
          self->errors_.add(code != nullptr && code->is_string() ? std::string(code->as_string())
                                                                 : std::string("error"));
          return done->set_value(std::nullopt);
        }
        done->set_value(f->fields);
      });
  return result.get();
}

bool app_device_sim::holds_closed(const std::string& vote) const {
  std::lock_guard lock(board_mutex_);
  const auto v = board_.votes.find(vote);
  return v != board_.votes.end() && v->second.closed;
}

bool app_device_sim::holds_decided(const std::string& vote) const {
  std::lock_guard lock(board_mutex_);
  const auto v = board_.votes.find(vote);
  return v != board_.votes.end() && v->second.counts.has_value();
}

}  // namespace plenum::clients::loadgen
