// The idle scenario: many connections opened and held; a fresh client must still be served.
#include <iostream>
#include <thread>

#include "fleet.hpp"
#include "scenarios.hpp"
#include "target.hpp"

namespace plenum::clients::loadgen {

using clock = std::chrono::steady_clock;

report run_idle(const options& o) {
  const auto deadline = clock::now() + o.deadline;
  report r;
  r.scenario = "idle";
  r.delegates = o.delegates;
  const auto limit = raise_file_limit();
  if (limit < o.delegates + 64)
    r.notes.push_back("RLIMIT_NOFILE is " + std::to_string(limit) +
                      ", below the connections asked");
  target t = open_target(o, false);
  fleet f(t.endpoint, t.address.tls, o.threads, o.timeout);
  error_tally errors;
  std::vector<std::shared_ptr<async_connection>> conns(o.delegates);
  std::atomic<std::size_t> subscribed{0};
  fleet_stopper stopper(f);
  std::cerr << "plenum-loadgen: opening " << o.delegates << " connections" << std::endl;
  const auto before = t.process ? read_usage(t.process->pid()) : std::nullopt;
  r.connections = f.run_steps(o.delegates, o.window, deadline, [&](std::size_t i, auto done) {
    conns[i] = f.make_connection();
    auto c = conns[i];
    c->on_push([](std::string_view) {});
    c->start([&, c, done](boost::system::error_code ec) {
      if (ec) {
        errors.add(ec);
        return done(false);
      }
      if (!o.subscribe_idle) return done(true);
      protocol::subscribe_request sub;
      sub.topics = {protocol::topic::board};
      const auto id = c->next_id();
      c->send(id, std::make_shared<const std::string>(protocol::encode_request(id, sub)),
              [&, done](boost::system::error_code ec2, const protocol::frame* fr) {
                if (ec2 || fr->type != "ok") {
                  errors.add(ec2 ? error_label(ec2) : std::string("subscribe refused"));
                  return done(false);
                }
                ++subscribed;
                done(true);
              });
    });
  });
  r.subscribed = subscribed;
  std::cerr << "plenum-loadgen: holding " << r.connections << " connections for " << o.hold.count()
            << " s" << std::endl;
  // The hold is the scenario itself, bounded by the deadline.
  std::this_thread::sleep_until(std::min(deadline, clock::now() + o.hold));
  std::size_t held = 0;
  for (const auto& c : conns)
    if (c && c->open()) ++held;
  r.held = held;
  // A fresh client must still be served while they are held.
  const auto asked = clock::now();
  auto s = session::connect(t.address);
  bool ok = false;
  if (s) {
    ok = s->call(protocol::ping_request{}).has_value();
    s->close();
  }
  r.fresh_client_ok = ok;
  r.fresh_client_ms = std::chrono::duration<double, std::milli>(clock::now() - asked).count();
  if (t.process) {
    if (auto u = read_usage(t.process->pid())) {
      if (before) r.server_cpu_s = u->cpu_seconds - before->cpu_seconds;
      r.server_cpu_total_s = u->cpu_seconds;
      r.server_peak_rss_mib = static_cast<double>(u->peak_rss_kib) / 1024.0;
    }
  }
  r.errors = errors.counts();
  for (auto& c : conns)
    if (c) c->close();
  f.stop();
  return r;
}

}  // namespace plenum::clients::loadgen
