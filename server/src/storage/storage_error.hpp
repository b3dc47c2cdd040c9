// The storage layer's failure value: a Plenum error code for callers to branch on and a
// description for the operator (which event is bad, which SQLite call failed and its extended
// result code).
#pragma once

#include <boost/assert/source_location.hpp>
#include <boost/system/result.hpp>
#include <string>

#include "plenum/protocol/error.hpp"

namespace plenum::server::storage {

/// A failure of the storage layer. `code` is errc::storage_failure (the disk or SQLite failed,
/// or a file is unusable) or errc::broken_chain (the stored log does not verify); `message`
/// says what and where, for the log and for refusing to start.
struct storage_error {
  boost::system::error_code code;
  std::string message;
};

/// Builds a storage_error.
[[nodiscard]] inline storage_error make_storage_error(errc code, std::string message) {
  return {make_error_code(code), std::move(message)};
}

/// Lets `storage_result<T>::value()` throw on failure: a boost::system::system_error carrying
/// the code and the message. Found by argument-dependent lookup.
[[noreturn]] void throw_exception_from_error(const storage_error& e,
                                             const boost::source_location& loc);

/// A value or a storage_error.
template <typename T>
using storage_result = boost::system::result<T, storage_error>;

}  // namespace plenum::server::storage
