// township_history_tool DIR ID NAME TITLE [report]: writes township ID's history
// (township_history.hpp) into DIR, for the county view's browser test, which then starts plenumd
// over it.
#include <exception>
#include <iostream>
#include <string>

#include "township_history.hpp"

int main(int argc, char* argv[]) {
  const bool report = argc == 6 && std::string(argv[5]) == "report";
  if (argc != 5 && !report) {
    std::cerr << "usage: township_history_tool DIR ID NAME TITLE [report]\n";
    return 2;
  }
  try {
    const auto h = plenum::test::write_township_history(argv[1], argv[2], argv[3], argv[4], report);
    std::cout << h.proposal_id << "\n";
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "township_history_tool: " << e.what() << "\n";
    return 1;
  }
}
