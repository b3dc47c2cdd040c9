// Replays a fuzz target's committed corpus (tests/fuzz/corpus/<target>/, the directory given
// as PLENUM_FUZZ_CORPUS) through its entry point in the normal test build, with GCC's
// sanitizers: every seed, and every input that once made the fuzzer fail and was added to the
// corpus, stays a regression test. A finding aborts the process, failing the test.
#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

namespace {

TEST(fuzz_corpus, EveryInputReplaysWithoutAFinding) {
  std::vector<std::filesystem::path> inputs;
  for (const auto& entry : std::filesystem::directory_iterator(PLENUM_FUZZ_CORPUS))
    if (entry.is_regular_file()) inputs.push_back(entry.path());
  ASSERT_FALSE(inputs.empty()) << PLENUM_FUZZ_CORPUS;
  for (const auto& input : inputs) {
    SCOPED_TRACE(input.string());
    std::ifstream in(input, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ASSERT_TRUE(in.good() || in.eof());
    EXPECT_EQ(
        LLVMFuzzerTestOneInput(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()),
        0);
  }
}

}  // namespace
