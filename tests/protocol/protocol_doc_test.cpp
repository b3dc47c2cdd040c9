// PROTOCOL.md stays in step with the code: every error code with its category, every request
// type with its section.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <variant>

#include "plenum/protocol/error.hpp"
#include "plenum/protocol/messages.hpp"

namespace plenum::protocol {
namespace {

std::string protocol_md() {
  std::ifstream in(std::string(PLENUM_VECTORS_DIR) + "/../../protocol/PROTOCOL.md");
  if (!in) return {};
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

std::string error_table(const std::string& doc) {
  const auto begin = doc.find("<!-- errors:begin -->");
  const auto end = doc.find("<!-- errors:end -->");
  if (begin == std::string::npos || end == std::string::npos || end < begin) return {};
  return doc.substr(begin, end - begin);
}

TEST(ProtocolDoc, EveryErrorCodeIsDocumented) {
  const std::string doc = protocol_md();
  ASSERT_FALSE(doc.empty()) << "protocol/PROTOCOL.md not found";
  const std::string table = error_table(doc);
  ASSERT_FALSE(table.empty()) << "PROTOCOL.md lacks the errors:begin / errors:end markers";
  std::string missing;
  std::size_t count = 0;
#define PLENUM_DOC_ROW(name, category, message)                                   \
  {                                                                               \
    ++count;                                                                      \
    const std::string row =                                                       \
        std::string("| `") + #name + "` | " + #category + " | " + message + " |"; \
    if (table.find(row) == std::string::npos) missing += row + "\n";              \
  }
  PLENUM_ERRORS(PLENUM_DOC_ROW)
#undef PLENUM_DOC_ROW
  EXPECT_GT(count, 50u);
  EXPECT_TRUE(missing.empty()) << "add or correct these rows in protocol/PROTOCOL.md:\n" << missing;
}

template <typename Variant, std::size_t... I>
std::vector<std::string_view> request_types(std::index_sequence<I...>) {
  return {std::variant_alternative_t<I, Variant>::type...};
}

TEST(ProtocolDoc, EveryRequestTypeHasASection) {
  const std::string doc = protocol_md();
  ASSERT_FALSE(doc.empty());
  const auto types =
      request_types<request>(std::make_index_sequence<std::variant_size_v<request>>());
  EXPECT_EQ(types.size(), 11u);
  for (std::string_view type : types) {
    EXPECT_NE(doc.find("### `" + std::string(type) + "`"), std::string::npos) << type;
  }
  EXPECT_NE(doc.find("### `hello`"), std::string::npos);
}

}  // namespace
}  // namespace plenum::protocol
