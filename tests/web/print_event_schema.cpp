// print_event_schema: prints protocol::event_schema() — every event type with its members and
// their JSON types — as the JSON document committed as clients/web/app/src/events.schema.json,
// from which clients/web/scripts/gen_event_types.mjs generates the web apps' payload types.
//
//   print_event_schema                 the document on standard output
//   print_event_schema --check FILE    exit status 0 when FILE holds exactly that document, 1
//                                      (with what to run) when it differs or cannot be read
#include <boost/json/serialize.hpp>
#include <fstream>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#include "plenum/protocol/events.hpp"

namespace {

// One type per line group and one member per line, so that a change reads well in a diff.
std::string schema_text() {
  const auto schema = plenum::protocol::event_schema();
  std::string out = "{\n";
  std::size_t type_index = 0;
  for (const auto& [type, members] : schema) {
    out += "  " + boost::json::serialize(boost::json::string(type)) + ": [\n";
    const auto& list = members.as_array();
    for (std::size_t i = 0; i < list.size(); ++i)
      out += "    " + boost::json::serialize(list[i]) + (i + 1 < list.size() ? ",\n" : "\n");
    out += ++type_index < schema.size() ? "  ],\n" : "  ]\n";
  }
  return out + "}\n";
}

}  // namespace

int main(int argc, char** argv) {
  const std::string text = schema_text();
  if (argc == 1) {
    std::cout << text;
    return 0;
  }
  if (argc != 3 || std::string_view(argv[1]) != "--check") {
    std::cerr << "usage: print_event_schema [--check FILE]\n";
    return 2;
  }
  std::ifstream in(argv[2], std::ios::binary);
  const std::string committed((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
  if (in.bad() || committed != text) {
    std::cerr << argv[2]
              << " is not protocol::event_schema() as the C++ code prints it. Regenerate it and "
                 "the web types:\n  print_event_schema > clients/web/app/src/events.schema.json\n"
                 "  node clients/web/scripts/gen_event_types.mjs\n";
    return 1;
  }
  return 0;
}
