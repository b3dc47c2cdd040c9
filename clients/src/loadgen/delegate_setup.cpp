#include "delegate_setup.hpp"

#include <plenum/clients/session.hpp>
#include <plenum/crypto/board.hpp>

#include "async_auth.hpp"

namespace plenum::clients::loadgen {

using clock = std::chrono::steady_clock;

void request(const std::shared_ptr<async_connection>& c,
             const std::function<std::string(std::uint64_t)>& encode,
             std::function<void(boost::system::error_code, const protocol::frame*)> then) {
  const std::uint64_t id = c->next_id();
  c->send(id, std::make_shared<const std::string>(encode(id)),
          [then = std::move(then)](boost::system::error_code ec, const protocol::frame* f) {
            if (ec) return then(ec, nullptr);
            if (f->type != "ok") {
              auto* code = f->fields.if_contains("code");
              return then(error_from_name(code != nullptr && code->is_string()
                                              ? std::string_view(code->as_string())
                                              : "internal"),
                          nullptr);
            }
            then({}, f);
          });
}

void set_up_delegate(fleet& f, delegate_sim& d, const std::string& sitting, error_tally& errors,
                     std::atomic<std::size_t>& connected, std::atomic<std::size_t>& enrolled,
                     std::function<void(bool)> done) {
  d.conn = f.make_connection();
  auto fail = [&errors, done](boost::system::error_code ec) {
    errors.add(ec);
    done(false);
  };
  d.conn->start([&, fail, done](boost::system::error_code ec) {
    if (ec) return fail(ec);
    ++connected;
    d.hello_at = clock::now();
    const auto& h = d.conn->hello();
    const auto pk = d.key.public_part();
    request(
        d.conn,
        [&, pk](std::uint64_t id) {
          return protocol::encode_request(
              id, protocol::enroll_request{
                      d.person, d.code, pk,
                      d.key.sign(crypto::enroll_digest(h.congress_id, d.person,
                                                       canonical_enrollment_code(d.code), pk)),
                      d.key.sign(crypto::possession_digest(h.congress_id, d.person, pk))});
        },
        [&, fail, done, pk](boost::system::error_code ec2, const protocol::frame*) {
          if (ec2) return fail(ec2);
          ++enrolled;
          authenticate_async(d.conn, d.key, [&, fail, done, pk](boost::system::error_code ec3) {
            if (ec3) return fail(ec3);
            protocol::checkin_request r;
            r.sitting_id = sitting;
            r.unix_ms =
                d.conn->hello().server_unix_ms +
                static_cast<std::uint64_t>(
                    std::chrono::duration_cast<std::chrono::milliseconds>(clock::now() - d.hello_at)
                        .count());
            r.sig = d.key.sign(crypto::checkin_digest(sitting, pk, r.unix_ms));
            request(
                d.conn, [r](std::uint64_t id) { return protocol::encode_request(id, r); },
                [&, fail, done](boost::system::error_code ec4, const protocol::frame*) {
                  if (ec4) return fail(ec4);
                  d.checked_in = true;
                  done(true);
                });
          });
        });
  });
}

}  // namespace plenum::clients::loadgen
