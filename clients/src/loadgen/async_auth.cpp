#include "async_auth.hpp"

#include <plenum/clients/session.hpp>
#include <plenum/crypto/board.hpp>
#include <plenum/crypto/random.hpp>

namespace plenum::clients::loadgen {

void authenticate_async(const std::shared_ptr<async_connection>& c, const crypto::secret_key& key,
                        std::function<void(boost::system::error_code)> done) {
  const auto pk = key.public_part();
  crypto::byte_array<protocol::nonce_bytes> nonce{};
  crypto::system_random().fill(nonce);
  const auto& h = c->hello();
  const auto id = c->next_id();
  auto text = std::make_shared<const std::string>(protocol::encode_request(
      id, protocol::auth_request{
              pk, nonce, key.sign(crypto::auth_digest(h.congress_id, h.server_nonce, nonce, pk))}));
  c->send(id, std::move(text),
          [done = std::move(done)](boost::system::error_code ec, const protocol::frame* f) {
            if (ec) return done(ec);
            if (f->type != "ok") {
              auto* code = f->fields.if_contains("code");
              return done(error_from_name(code != nullptr && code->is_string()
                                              ? std::string_view(code->as_string())
                                              : "internal"));
            }
            done({});
          });
}

}  // namespace plenum::clients::loadgen
