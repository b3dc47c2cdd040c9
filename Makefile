# Plenum: the two commands a user needs are `make demo` and `make test`.
BUILD_RELEASE := build/release
BUILD_TEST    := build/test
CMAKE_GEN     := -G Ninja

.PHONY: setup web build test demo bench fuzz vectors format clean

setup:
	bash scripts/setup.sh

# The hall apps (clients/web/app) into clients/web/dist-app, which plenumd serves.
web: setup
	npm run --silent build:app --prefix clients/web

build: setup web
	cmake -S . -B $(BUILD_RELEASE) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_RELEASE)

# Every test, built with AddressSanitizer and UndefinedBehaviorSanitizer.
test: setup web
	cmake -S . -B $(BUILD_TEST) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Debug -DPLENUM_SANITIZE=ON
	cmake --build $(BUILD_TEST)
	cd $(BUILD_TEST) && ctest --output-on-failure --timeout 900 -j 2

demo: build
	bash scripts/demo.sh $(BUILD_RELEASE)

bench: build
	bash scripts/bench.sh $(BUILD_RELEASE)

# Every libFuzzer target (tests/fuzz) built with Clang and sanitizers, each run for
# FUZZ_SECONDS (default 120) from its seed corpus: `make fuzz FUZZ_SECONDS=300`.
FUZZ_SECONDS ?= 120
fuzz:
	bash scripts/fuzz.sh $(FUZZ_SECONDS)

# Regenerates the project's CVP1 test vectors; review the diff and commit tests/vectors/cvp1.json.
vectors:
	cmake -S . -B $(BUILD_RELEASE) $(CMAKE_GEN) -DCMAKE_BUILD_TYPE=Release
	cmake --build $(BUILD_RELEASE) --target plenum-vectors
	$(BUILD_RELEASE)/tests/vectors/generator/plenum-vectors > tests/vectors/cvp1.json.new
	mv tests/vectors/cvp1.json.new tests/vectors/cvp1.json
	$(BUILD_RELEASE)/tests/vectors/generator/plenum-vectors --roster-tree > tests/vectors/roster-tree.json

format:
	git ls-files '*.cpp' '*.hpp' | xargs clang-format -i

clean:
	rm -rf build
