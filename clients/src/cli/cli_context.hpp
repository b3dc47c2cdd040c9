// plenum-cli's shared machinery: the global options, connecting as a person, output in text
// or JSON, and the table of subcommands.
#pragma once

#include <boost/json/object.hpp>
#include <boost/program_options.hpp>
#include <functional>
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include <plenum/clients/board.hpp>
#include <plenum/clients/key_store.hpp>
#include <plenum/clients/session.hpp>
#include <plenum/clients/trust_error.hpp>
#include <plenum/crypto/pin_seal.hpp>

namespace plenum::clients::cli {

namespace po = boost::program_options;

/// A failure the user must hear about; main() prints it and exits with `exit_code`.
struct cli_error {
  std::string message;
  int exit_code = 1;
};

/// The global options and what every subcommand uses. One per process run; not thread-safe
/// (rehearse makes its own sessions per thread).
class context {
 public:
  context(server_address server, key_store keys, std::string as, bool json,
          std::optional<std::string> pin, crypto::pin_limits pin_limits, std::ostream& out);

  /// A session authenticated with the key of --as (or `person` when given).
  /// Throws cli_error when the key is missing or the server refuses.
  [[nodiscard]] session connect_as(const std::string& person = {}) const;
  /// A session that is not authenticated (enroll).
  [[nodiscard]] session connect() const;
  /// The person of --as; throws cli_error when missing.
  [[nodiscard]] const std::string& as() const;
  /// The device key of `person`; throws cli_error when missing.
  [[nodiscard]] crypto::secret_key key_of(const std::string& person) const;
  /// The PIN of --pin or $PLENUM_PIN; throws cli_error when neither is given.
  [[nodiscard]] std::string pin() const;
  [[nodiscard]] const crypto::pin_limits& pin_limits() const { return pin_limits_; }
  [[nodiscard]] const key_store& keys() const { return keys_; }
  [[nodiscard]] const server_address& server() const { return server_; }
  [[nodiscard]] bool json() const { return json_; }
  [[nodiscard]] std::ostream& out() const { return out_; }

  /// Prints a reply: the JSON object with --json, else `text` (or the JSON when empty).
  void print(const boost::json::object& reply, const std::string& text = {}) const;

 private:
  server_address server_;
  key_store keys_;
  std::string as_;
  bool json_;
  std::optional<std::string> pin_;
  crypto::pin_limits pin_limits_;
  std::ostream& out_;
};

/// Throws cli_error describing a failed call ("vote_not_open: the vote is not open").
[[noreturn]] void fail(const session& s, boost::system::error_code ec, const std::string& what);

/// Returns the value of `r` or throws via fail().
template <typename T>
T must(const session& s, result<T> r, const std::string& what) {
  if (!r) fail(s, r.error(), what);
  return std::move(*r);
}
inline void must(const session& s, result<void> r, const std::string& what) {
  if (!r) fail(s, r.error(), what);
}

/// One subcommand: its name, a one-line summary, and the function that parses its arguments
/// (argv after the name) and runs it, returning the exit code.
struct command {
  std::string name;
  std::string summary;
  std::function<int(const context&, const std::vector<std::string>&)> run;
};

/// Parses a subcommand's arguments with `desc` (plus --help, positionals in `pos`). Returns
/// nullopt after printing the help when --help was given. Throws po::error on bad input.
[[nodiscard]] std::optional<po::variables_map> parse_args(
    const std::string& name, const std::string& usage, po::options_description& desc,
    const std::vector<std::string>& args, const po::positional_options_description& pos = {});

/// Splits "a,b,c" into its non-empty parts.
[[nodiscard]] std::vector<std::string> split_list(const std::string& text);

/// The subcommands of each area (commands_*.cpp).
void add_person_commands(std::vector<command>& table);
void add_secretary_commands(std::vector<command>& table);
void add_liaison_commands(std::vector<command>& table);
void add_chair_commands(std::vector<command>& table);
void add_rehearse_commands(std::vector<command>& table);

}  // namespace plenum::clients::cli

namespace plenum::clients::cli {

/// Sends one hall request as --as and prints the reply (or `text` in text mode).
int send_hall(const context& ctx, const protocol::hall_request& r, const std::string& text);

}  // namespace plenum::clients::cli
