#include "county/county_accounts.hpp"

#include <sys/stat.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iterator>

#include "county/private_file.hpp"
#include "domain/enrollment.hpp"
#include "plenum/crypto/bytes.hpp"

namespace plenum::server::county {

namespace json = boost::json;

namespace {

bool valid_account_id(const std::string& id) {
  if (id.empty() || id.size() > 32) return false;
  for (char c : id) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

std::string text_of(const json::object& o, std::string_view key) {
  const auto* v = o.if_contains(key);
  return v != nullptr && v->is_string() ? std::string(v->as_string()) : std::string();
}

storage::storage_error bad_file(const std::filesystem::path& file, const std::string& why) {
  return storage::make_storage_error(errc::storage_failure, file.string() + ": " + why);
}

}  // namespace

county_accounts::county_accounts(std::filesystem::path file, std::string county_id,
                                 std::map<std::string, county_account> accounts)
    : file_(std::move(file)), county_id_(std::move(county_id)), accounts_(std::move(accounts)) {}

storage::storage_result<std::unique_ptr<county_accounts>> county_accounts::open(
    std::filesystem::path file, std::string county_id) {
  std::map<std::string, county_account> accounts;
  std::error_code ec;
  if (std::filesystem::exists(file, ec)) {
    struct stat st {};
    if (::stat(file.c_str(), &st) != 0) return bad_file(file, "cannot be read");
    if ((st.st_mode & 077) != 0) return bad_file(file, "is readable or writable by others");
    std::ifstream in(file, std::ios::binary);
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (!in && !in.eof()) return bad_file(file, "cannot be read");
    boost::system::error_code parse_ec;
    const json::value doc = json::parse(text, parse_ec);
    if (parse_ec || !doc.is_object() || !doc.as_object().contains("accounts") ||
        !doc.as_object().at("accounts").is_array())
      return bad_file(file, "is not an accounts file");
    for (const auto& v : doc.as_object().at("accounts").as_array()) {
      if (!v.is_object()) return bad_file(file, "holds an account that is not an object");
      const auto& o = v.as_object();
      county_account a{text_of(o, "id"), text_of(o, "name"), text_of(o, "code_salt"),
                       text_of(o, "code_hash"), text_of(o, "device_pk")};
      if (!valid_account_id(a.id) || accounts.contains(a.id))
        return bad_file(file, "holds an invalid or repeated account id");
      accounts.emplace(a.id, std::move(a));
    }
  }
  return std::make_unique<county_accounts>(std::move(file), std::move(county_id),
                                           std::move(accounts));
}

result<void> county_accounts::save() const {
  json::array list;
  for (const auto& [id, a] : accounts_)
    list.push_back(json::object{{"id", a.id},
                                {"name", a.name},
                                {"code_salt", a.code_salt},
                                {"code_hash", a.code_hash},
                                {"device_pk", a.device_pk}});
  const std::string text = json::serialize(json::object{{"accounts", std::move(list)}}) + "\n";
  if (!replace_private_file(file_, text)) return errc::storage_failure;
  return {};
}

result<std::vector<issued_code>> county_accounts::issue_missing(
    const std::vector<std::pair<std::string, std::string>>& wanted, crypto::random_source& random) {
  for (const auto& [id, name] : wanted)
    if (!valid_account_id(id)) return errc::invalid_field;
  std::lock_guard lock(mutex_);
  std::vector<issued_code> issued;
  auto updated = accounts_;
  for (const auto& [id, name] : wanted) {
    if (updated.contains(id)) continue;
    const auto code = domain::enrollment_code::generate(random);
    const auto salt = domain::generate_salt(random);
    const auto hash = domain::code_hash(county_id_, id, salt, code);
    updated.emplace(id, county_account{id, name, crypto::to_hex(salt), crypto::to_hex(hash), ""});
    issued.push_back({id, name, code.printable()});
  }
  if (issued.empty()) return issued;
  std::swap(accounts_, updated);
  if (auto saved = save(); !saved) {
    std::swap(accounts_, updated);
    return saved.error();
  }
  return issued;
}

result<std::vector<issued_code>> county_accounts::reissue(const std::vector<std::string>& ids,
                                                          crypto::random_source& random) {
  std::lock_guard lock(mutex_);
  auto updated = accounts_;
  std::vector<issued_code> issued;
  for (const auto& id : ids) {
    auto it = updated.find(id);
    if (it == updated.end()) return errc::unknown_person;
    const auto code = domain::enrollment_code::generate(random);
    const auto salt = domain::generate_salt(random);
    it->second.code_salt = crypto::to_hex(salt);
    it->second.code_hash = crypto::to_hex(domain::code_hash(county_id_, id, salt, code));
    issued.push_back({id, it->second.name, code.printable()});
  }
  if (issued.empty()) return issued;
  std::swap(accounts_, updated);
  if (auto saved = save(); !saved) {
    std::swap(accounts_, updated);
    return saved.error();
  }
  return issued;
}

result<void> county_accounts::enroll(const std::string& account, const std::string& typed_code,
                                     const crypto::public_key& device_pk,
                                     const crypto::signature& sig) {
  std::lock_guard lock(mutex_);
  auto it = accounts_.find(account);
  if (it == accounts_.end()) return errc::unknown_person;
  const auto code = domain::enrollment_code::parse(typed_code);
  if (!code) return errc::bad_enrollment_code;
  if (it->second.code_hash.empty()) return errc::enrollment_code_spent;
  const auto salt = crypto::from_hex_fixed<16>(it->second.code_salt);
  const auto stored = crypto::from_hex_fixed<32>(it->second.code_hash);
  if (!salt || !stored) return errc::internal;
  if (!crypto::equal_constant_time(domain::code_hash(county_id_, account, *salt, *code), *stored))
    return errc::bad_enrollment_code;
  const std::string pk = device_pk.hex();
  for (const auto& [id, a] : accounts_)
    if (a.device_pk == pk) return errc::device_key_in_use;
  if (!device_pk.verify(domain::enrollment_digest(county_id_, account, *code, device_pk), sig))
    return errc::bad_signature;
  const county_account before = it->second;
  it->second.code_salt.clear();
  it->second.code_hash.clear();
  it->second.device_pk = pk;
  if (auto saved = save(); !saved) {
    it->second = before;
    return saved.error();
  }
  return {};
}

std::optional<county_account> county_accounts::find_device(
    const crypto::public_key& device_pk) const {
  const std::string pk = device_pk.hex();
  std::lock_guard lock(mutex_);
  for (const auto& [id, a] : accounts_)
    if (!a.device_pk.empty() && a.device_pk == pk) return a;
  return std::nullopt;
}

}  // namespace plenum::server::county
