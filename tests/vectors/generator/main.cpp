// plenum-vectors: prints the project's CVP1 test vectors (tests/vectors/cvp1.json) to stdout.
// Usage, from the repository root:
//   build/release/tests/vectors/generator/plenum-vectors > tests/vectors/cvp1.json
#include <exception>
#include <iostream>

#include "generate.hpp"
#include "json_text.hpp"

int main() {
  try {
    std::cout << plenum::test::vectors::indented_json(plenum::test::vectors::generate_vectors());
    std::cout.flush();
    return std::cout ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "plenum-vectors: " << e.what() << '\n';
    return 1;
  }
}
