// The translation unit that precompiles the test programs' common headers (tests/CMakeLists.txt,
// plenum_test_pch); it defines nothing.
