// plenum-cli: a command-line client of plenumd that can act as any role.
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

#include "cli_context.hpp"

namespace {

namespace cli = plenum::clients::cli;
namespace po = boost::program_options;

void print_usage(const po::options_description& global, const std::vector<cli::command>& table) {
  std::cout << "usage: plenum-cli [global options] COMMAND [options]\n"
               "       plenum-cli COMMAND --help\n\n"
            << global << "\ncommands:\n";
  for (const auto& c : table) {
    std::string name = c.name;
    name.resize(std::max<std::size_t>(name.size(), 22), ' ');
    std::cout << "  " << name << c.summary << '\n';
  }
}

int run(int argc, char* argv[]) {
  std::vector<cli::command> table;
  cli::add_person_commands(table);
  cli::add_secretary_commands(table);
  cli::add_liaison_commands(table);
  cli::add_chair_commands(table);
  cli::add_rehearse_commands(table);

  std::string server;
  std::string ca;
  std::string keys;
  std::string as;
  std::string pin_limits;
  po::options_description global("global options");
  global.add_options()("help,h", "show this help")(
      "server", po::value(&server)->default_value("127.0.0.1:8443"), "plenumd's host:port")(
      "ca", po::value(&ca),
      "trust this certificate (PEM; the server's self-signed <data>/tls/cert.pem or a CA)")(
      "insecure", "accept any certificate (tests on loopback only)")(
      "keys", po::value(&keys)->default_value("keys"), "directory of device key files")(
      "as", po::value(&as), "the person whose key to act with")("json", "print replies as JSON")(
      "pin", po::value<std::string>(), "a scrutineer's share PIN (else $PLENUM_PIN)")(
      "pin-limits", po::value(&pin_limits)->default_value("moderate"),
      "Argon2id cost of sealing a share: moderate or interactive (tests)");

  // The global options come before the subcommand's name; everything after it is the
  // subcommand's.
  std::vector<std::string> args(argv + 1, argv + argc);
  std::size_t at = 0;
  while (at < args.size()) {
    const std::string& a = args[at];
    if (a.rfind("-", 0) != 0) break;
    const bool takes_value = a == "--server" || a == "--ca" || a == "--keys" || a == "--as" ||
                             a == "--pin" || a == "--pin-limits";
    at += takes_value ? 2 : 1;
  }
  std::vector<std::string> global_args(args.begin(),
                                       args.begin() + static_cast<long>(std::min(at, args.size())));
  po::variables_map vm;
  po::store(po::command_line_parser(global_args).options(global).run(), vm);
  po::notify(vm);
  if (at >= args.size()) {
    print_usage(global, table);
    return vm.count("help") != 0U ? 0 : 2;
  }
  const std::string name = args[at];
  std::vector<std::string> sub_args(args.begin() + static_cast<long>(at) + 1, args.end());

  const cli::command* cmd = nullptr;
  for (const auto& c : table)
    if (c.name == name) cmd = &c;
  if (cmd == nullptr) {
    std::cerr << "plenum-cli: unknown command '" << name << "' (try --help)\n";
    return 2;
  }

  auto address = plenum::clients::parse_server(server);
  if (!address) {
    std::cerr << "plenum-cli: --server must be host:port\n";
    return 2;
  }
  if (vm.count("insecure") != 0U) {
    address->tls.verify = plenum::clients::verify_mode::insecure;
  } else {
    address->tls.trust_file = ca;  // checked when connecting
  }
  plenum::crypto::pin_limits limits;
  if (pin_limits == "interactive") {
    limits = plenum::crypto::pin_limits::interactive();
  } else if (pin_limits != "moderate") {
    std::cerr << "plenum-cli: --pin-limits is moderate or interactive\n";
    return 2;
  }
  std::optional<std::string> pin;
  if (vm.count("pin") != 0U) pin = vm["pin"].as<std::string>();
  cli::context ctx(*address, plenum::clients::key_store(keys), as, vm.count("json") != 0U, pin,
                   limits, std::cout);
  return cmd->run(ctx, sub_args);
}

}  // namespace

int main(int argc, char* argv[]) {
  try {
    return run(argc, argv);
  } catch (const cli::cli_error& e) {
    std::cerr << "plenum-cli: " << e.message << '\n';
    return e.exit_code;
  } catch (const po::error& e) {
    std::cerr << "plenum-cli: " << e.what() << " (try --help)\n";
    return 2;
  } catch (const std::exception& e) {
    std::cerr << "plenum-cli: " << e.what() << '\n';
    return 1;
  }
}
