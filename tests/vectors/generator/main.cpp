// plenum-vectors: prints the project's CVP1 test vectors (tests/vectors/cvp1.json) to stdout.
// Usage, from the repository root:
//   build/release/tests/vectors/generator/plenum-vectors > tests/vectors/cvp1.json
// and, with --roster-tree, the roster tree's known answers (tests/vectors/roster-tree.json).
#include <exception>
#include <iostream>
#include <string_view>

#include "generate.hpp"
#include "json_text.hpp"
#include "roster_tree_vectors.hpp"

int main(int argc, char** argv) {
  try {
    const bool roster_tree = argc == 2 && std::string_view(argv[1]) == "--roster-tree";
    if (argc > 1 && !roster_tree) {
      std::cerr << "usage: plenum-vectors [--roster-tree]\n";
      return 2;
    }
    std::cout << plenum::test::vectors::indented_json(
        roster_tree ? boost::json::value(plenum::test::vectors::roster_tree_vectors())
                    : boost::json::value(plenum::test::vectors::generate_vectors()));
    std::cout.flush();
    return std::cout ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "plenum-vectors: " << e.what() << '\n';
    return 1;
  }
}
