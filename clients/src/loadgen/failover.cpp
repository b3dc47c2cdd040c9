#include "failover.hpp"

#include <algorithm>
#include <boost/asio/error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <random>

#include "async_auth.hpp"

namespace plenum::clients::loadgen {

namespace asio = boost::asio;
using tcp = asio::ip::tcp;
using clock = std::chrono::steady_clock;

bool serves_this_hall(const async_connection& c, const hall_identity& hall) {
  return c.serving() && c.hello().congress_id == hall.congress_id &&
         c.hello().congress_pk == hall.congress_pk;
}

namespace {

// One search: the round being tried, where in it, and how many full rounds failed.
struct search : std::enable_shared_from_this<search> {
  fleet& f;
  hall_servers& servers;
  hall_identity hall;
  crypto::secret_key key;
  clock::time_point until;
  std::function<void(boost::system::error_code, std::shared_ptr<async_connection>)> done;
  std::vector<tcp::endpoint> round;
  std::size_t next = 0;
  unsigned failed_rounds = 0;
  boost::system::error_code last = asio::error::not_connected;

  search(fleet& fl, hall_servers& s, hall_identity h, const crypto::secret_key& k,
         clock::time_point u,
         std::function<void(boost::system::error_code, std::shared_ptr<async_connection>)> d)
      : f(fl), servers(s), hall(std::move(h)), key(k), until(u), done(std::move(d)) {}

  void try_next() {
    if (clock::now() >= until) return done(last, nullptr);
    if (next >= round.size()) return wait_and_restart();
    auto c = f.make_connection(round[next++]);
    c->start([self = shared_from_this(), c](boost::system::error_code ec) {
      if (ec) {
        self->last = ec;
        return self->try_next();
      }
      self->servers.learn(c->hall_servers());
      if (!serves_this_hall(*c, self->hall)) {
        self->last = asio::error::connection_refused;
        c->close();
        return self->try_next();
      }
      authenticate_async(c, self->key, [self, c](boost::system::error_code ec2) {
        if (ec2) {
          self->last = ec2;
          c->close();
          return self->try_next();
        }
        self->done({}, c);
      });
    });
  }

  void wait_and_restart() {
    thread_local std::minstd_rand jitter{std::random_device{}()};
    const auto base =
        std::chrono::milliseconds(std::min(2000U, 250U << std::min(failed_rounds, 3U)));
    const auto wait = base + std::chrono::milliseconds(jitter() % (base.count() / 2 + 1));
    ++failed_rounds;
    const auto from = round.front();
    round = servers.round_from(from);
    next = 0;
    auto timer = std::make_shared<asio::steady_timer>(f.io(), wait);
    timer->async_wait(
        [self = shared_from_this(), timer](boost::system::error_code) { self->try_next(); });
  }
};

}  // namespace

void find_serving(
    fleet& f, hall_servers& servers, const hall_identity& hall, const crypto::secret_key& key,
    tcp::endpoint from, clock::time_point until,
    std::function<void(boost::system::error_code, std::shared_ptr<async_connection>)> done) {
  auto s = std::make_shared<search>(f, servers, hall, key, until, std::move(done));
  s->round = servers.round_from(from);
  s->try_next();
}

}  // namespace plenum::clients::loadgen
