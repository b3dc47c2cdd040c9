#include "fleet.hpp"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <condition_variable>
#include <stdexcept>

#include "../tls_connect.hpp"

namespace plenum::clients::loadgen {

namespace asio = boost::asio;

std::string error_label(boost::system::error_code ec) {
  if (ec.category() == plenum_category()) return std::string(error_name(ec));
  return ec.message();
}

void error_tally::add(const std::string& name, std::size_t n) {
  std::lock_guard lock(mutex_);
  counts_[name] += n;
}

void error_tally::add(boost::system::error_code ec) { add(error_label(ec)); }

std::map<std::string, std::size_t> error_tally::counts() const {
  std::lock_guard lock(mutex_);
  return counts_;
}

std::size_t error_tally::total() const {
  std::lock_guard lock(mutex_);
  std::size_t n = 0;
  for (const auto& [name, count] : counts_) n += count;
  return n;
}

fleet::fleet(asio::ip::tcp::endpoint server, const tls_options& tls, unsigned threads,
             std::chrono::milliseconds timeout)
    : ioc_(static_cast<int>(threads)), tls_(tls), server_(server), timeout_(timeout) {
  auto ctx = detail::make_client_context(tls);
  if (!ctx) throw std::runtime_error("TLS context: " + ctx.error().message());
  ctx_.emplace(std::move(*ctx));
  work_.emplace(asio::make_work_guard(ioc_));
  for (unsigned i = 0; i < std::max(1U, threads); ++i)
    threads_.emplace_back([this] { ioc_.run(); });
}

fleet::~fleet() { stop(); }

void fleet::stop() {
  if (threads_.empty()) return;
  work_.reset();
  // Connections still closing get a moment; whatever is left then is stopped.
  std::mutex mutex;
  std::condition_variable cv;
  bool joined = false;
  std::thread stopper([&] {
    std::unique_lock lock(mutex);
    if (!cv.wait_for(lock, std::chrono::seconds(3), [&] { return joined; })) ioc_.stop();
  });
  for (auto& t : threads_) t.join();
  {
    std::lock_guard lock(mutex);
    joined = true;
  }
  cv.notify_all();
  stopper.join();
  threads_.clear();
}

std::shared_ptr<async_connection> fleet::make_connection() { return make_connection(server_); }

std::shared_ptr<async_connection> fleet::make_connection(const asio::ip::tcp::endpoint& server) {
  return std::make_shared<async_connection>(asio::make_strand(ioc_), *ctx_, server, timeout_);
}

std::unique_ptr<fleet> fleet::with_own_thread() const {
  return std::make_unique<fleet>(server_, tls_, 1, timeout_);
}

std::size_t fleet::run_steps(
    std::size_t count, std::size_t window, std::chrono::steady_clock::time_point deadline,
    const std::function<void(std::size_t, std::function<void(bool)>)>& step) {
  struct state {
    std::mutex mutex;
    std::condition_variable cv;
    std::size_t next = 0;
    std::size_t finished = 0;
    std::size_t ok = 0;
    std::size_t starting = 0;  // calls of `step` that have not returned yet
    bool abandoned = false;
  };
  auto s = std::make_shared<state>();
  // Starts the next step, if any; called with the lock not held.
  auto launch = std::make_shared<std::function<void()>>();
  auto work = std::make_shared<std::function<void(std::size_t, std::function<void(bool)>)>>(step);
  *launch = [this, s, count, work, launch_weak = std::weak_ptr<std::function<void()>>(launch)] {
    std::size_t i = 0;
    {
      std::lock_guard lock(s->mutex);
      if (s->abandoned || s->next >= count) return;
      i = s->next++;
      ++s->starting;
    }
    auto once = std::make_shared<std::once_flag>();
    (*work)(i, [this, s, once, launch_weak](bool ok) {
      std::call_once(*once, [&] {
        {
          std::lock_guard lock(s->mutex);
          if (s->abandoned) return;
          ++s->finished;
          if (ok) ++s->ok;
        }
        s->cv.notify_all();
        if (auto l = launch_weak.lock()) asio::post(ioc_, [l] { (*l)(); });
      });
    });
    {
      std::lock_guard lock(s->mutex);
      --s->starting;
    }
    s->cv.notify_all();
  };
  const std::size_t first = std::min(count, std::max<std::size_t>(1, window));
  for (std::size_t i = 0; i < first; ++i) asio::post(ioc_, [launch] { (*launch)(); });
  std::unique_lock lock(s->mutex);
  s->cv.wait_until(lock, deadline, [&] { return s->finished == count; });
  s->abandoned = true;
  // `step` may refer to the caller's locals: no call of it may still be running on a fleet
  // thread when the caller goes on (the calls return at once; their work is asynchronous).
  s->cv.wait(lock, [&] { return s->starting == 0; });
  const std::size_t ok = s->ok;
  lock.unlock();
  // Posted launches hold `launch`; once abandoned they return at once. Drop ours.
  return ok;
}

}  // namespace plenum::clients::loadgen
