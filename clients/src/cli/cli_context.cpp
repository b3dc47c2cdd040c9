#include "cli_context.hpp"

#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <iostream>

namespace plenum::clients::cli {

context::context(server_address server, key_store keys, std::string as, bool json,
                 std::optional<std::string> pin, crypto::pin_limits pin_limits, std::ostream& out)
    : server_(std::move(server)),
      keys_(std::move(keys)),
      as_(std::move(as)),
      json_(json),
      pin_(std::move(pin)),
      pin_limits_(pin_limits),
      out_(out) {}

const std::string& context::as() const {
  if (as_.empty()) throw cli_error{"this command needs --as PERSON (whose key to use)", 2};
  return as_;
}

crypto::secret_key context::key_of(const std::string& person) const {
  auto key = keys_.load(person);
  if (!key) {
    throw cli_error{"no usable device key for " + person + " in " + keys_.dir().string() + " (" +
                    key.error().message() + "); enroll first"};
  }
  return *key;
}

session context::connect() const {
  if (server_.tls.verify == verify_mode::trust_file && server_.tls.trust_file.empty())
    throw cli_error{"give --ca FILE (the server's certificate) or --insecure", 2};
  auto s = session::connect(server_);
  if (!s) {
    throw cli_error{"cannot connect to " + server_.host + ":" + std::to_string(server_.port) +
                    ": " + s.error().message()};
  }
  return std::move(*s);
}

session context::connect_as(const std::string& person) const {
  const std::string& who = person.empty() ? as() : person;
  auto key = key_of(who);
  session s = connect();
  // The congress key pinned at enrollment; a key store from before pinning pins on first use.
  auto pinned = keys_.load_congress_key(who);
  if (pinned) s.pin_congress_key(*pinned);
  auto auth = s.authenticate(key);
  if (!auth) fail(s, auth.error(), "authentication as " + who);
  if (!pinned) (void)keys_.save_congress_key(who, s.hello().congress_pk);
  return s;
}

std::string context::pin() const {
  if (pin_) return *pin_;
  if (const char* env = std::getenv("PLENUM_PIN"); env != nullptr && *env != '\0') return env;
  throw cli_error{"this command needs the share PIN (--pin or $PLENUM_PIN)", 2};
}

void context::print(const boost::json::object& reply, const std::string& text) const {
  if (json_ || text.empty()) {
    out_ << boost::json::serialize(reply) << '\n';
  } else {
    out_ << text << '\n';
  }
}

void fail(const session& s, boost::system::error_code ec, const std::string& what) {
  std::string message = what + " failed: ";
  if (ec.category() == plenum_category()) {
    message += std::string(error_name(ec));
    const auto& e = s.last_error();
    if (e.code == error_name(ec) && !e.message.empty()) message += ": " + e.message;
    if (e.code == error_name(ec) && !e.field.empty()) message += " (field " + e.field + ")";
  } else if (ec.category() == trust_category()) {
    message += std::string(trust_error_name(ec)) + ": " + ec.message() + "\n" +
               std::string(trust_advice_zh(ec));
  } else {
    message += ec.message();
  }
  throw cli_error{message, 1};
}

std::optional<po::variables_map> parse_args(const std::string& name, const std::string& usage,
                                            po::options_description& desc,
                                            const std::vector<std::string>& args,
                                            const po::positional_options_description& pos) {
  desc.add_options()("help,h", "show this help");
  po::variables_map vm;
  po::store(po::command_line_parser(args).options(desc).positional(pos).run(), vm);
  if (vm.count("help") != 0U) {
    std::cout << "usage: plenum-cli [global options] " << name << " " << usage << "\n\n"
              << desc << '\n';
    return std::nullopt;
  }
  po::notify(vm);
  return vm;
}

std::vector<std::string> split_list(const std::string& text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto at = text.find(',', start);
    if (at == std::string::npos) at = text.size();
    if (at > start) out.push_back(text.substr(start, at - start));
    start = at + 1;
  }
  return out;
}

}  // namespace plenum::clients::cli

namespace plenum::clients::cli {

int send_hall(const context& ctx, const protocol::hall_request& r, const std::string& text) {
  session s = ctx.connect_as();
  auto reply = must(s, s.call(r), std::string(protocol::type_of(r)));
  ctx.print(reply, text);
  return 0;
}

}  // namespace plenum::clients::cli
