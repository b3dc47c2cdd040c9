#include "net/benign_error.hpp"

namespace plenum::server::net {

bool is_benign(const beast::error_code& ec) noexcept {
  return ec == asio::error::operation_aborted || ec == asio::error::eof ||
         ec == asio::error::connection_reset || ec == asio::error::broken_pipe ||
         ec == ssl::error::stream_truncated || ec == websocket::error::closed ||
         ec == beast::error::timeout || ec == http::error::end_of_stream;
}

}  // namespace plenum::server::net
