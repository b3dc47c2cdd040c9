// What the event log benchmarks share: the bench's signing key, ballot-sized payloads and the
// burst of appends issued at once that the SQLite and PostgreSQL benchmarks both time.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "plenum/crypto/sign.hpp"
#include "storage/event_log.hpp"

namespace plenum::server::storage::bench {

/// A fixed Ed25519 key (seed 01…01): benchmarks need no secret.
[[nodiscard]] crypto::secret_key bench_key();

/// A JSON payload of about `size` bytes, numbered `n`.
[[nodiscard]] std::string payload(std::size_t size, std::uint64_t n);

/// Appends `total` events of `size` bytes from `threads` threads at once (each thread every
/// `threads`-th event) and returns when every one is durable. Throws std::runtime_error when an
/// append or the flush fails.
void append_burst_until_durable(event_log& log, int threads, int total, std::size_t size);

}  // namespace plenum::server::storage::bench
