#include "log_burst.hpp"

#include <stdexcept>
#include <thread>
#include <vector>

namespace plenum::server::storage::bench {

crypto::secret_key bench_key() {
  crypto::byte_array<32> seed{};
  seed.fill(1);
  return crypto::secret_key::from_seed(seed);
}

std::string payload(std::size_t size, std::uint64_t n) {
  std::string text = R"({"n":)" + std::to_string(n) + R"(,"pad":")";
  if (text.size() + 2 < size) text.append(size - text.size() - 2, 'x');
  return text + "\"}";
}

void append_burst_until_durable(event_log& log, int threads, int total, std::size_t size) {
  std::vector<std::thread> appenders;
  for (int t = 0; t < threads; ++t) {
    appenders.emplace_back([&, t] {
      for (int i = t; i < total; i += threads) {
        if (!log.append("ballot_cast", payload(size, static_cast<std::uint64_t>(i)), nullptr)) {
          throw std::runtime_error("append failed");
        }
      }
    });
  }
  for (auto& a : appenders) a.join();
  if (log.flush()) throw std::runtime_error("flush failed");
}

}  // namespace plenum::server::storage::bench
