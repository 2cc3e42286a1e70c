# Verdict: one flat Makefile. Targets: all test run bench clean.
# `make` installs the Debian packages it needs when they are missing
# (as root with apt-get; otherwise it prints the command and stops).

BUILD_PKGS := gcc make pkg-config libc6-dev libseccomp-dev libcjson-dev libyaml-dev
# The toolchains submissions are compiled and run with (judge/language.c).
LANG_PKGS  := gcc g++ python3 openjdk-17-jdk-headless
TEST_PKGS  := procps iproute2 util-linux
BENCH_PKGS := bubblewrap

CC      ?= gcc
CFLAGS  := -std=gnu17 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral \
           -Werror=implicit-function-declaration \
           -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE -MMD -MP
LDFLAGS := -pie -Wl,-z,relro,-z,now
# Expanded when a recipe runs, i.e. after build/.deps has installed them.
PKG_CFLAGS = $(shell pkg-config --cflags libseccomp libcjson yaml-0.1)
PKG_LIBS   = $(shell pkg-config --libs libseccomp libcjson yaml-0.1) -pthread

JUDGE_OBJ := $(patsubst %.c,build/%.o,$(wildcard judge/*.c))
LIB_OBJ   := $(filter-out build/judge/main.o,$(JUDGE_OBJ))
PROGS     := $(patsubst tests/progs/%.c,build/tests/progs/%,$(wildcard tests/progs/*.c))
UNIT      := $(patsubst tests/unit/%.c,build/tests/unit/%,$(wildcard tests/unit/*.c))

.PHONY: all test run bench clean deps
all: build/verdict

# Missing packages are installed once; the stamp is redone when this file changes.
build/.deps: Makefile
	@mkdir -p build
	@missing=""; for p in $(BUILD_PKGS) $(LANG_PKGS) $(TEST_PKGS) $(BENCH_PKGS); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	      apt-get install -y -qq --no-install-recommends $$missing >/dev/null || exit 1; \
	  else \
	    echo "Verdict needs these Debian packages:$$missing"; \
	    echo "  sudo apt-get install -y$$missing"; exit 1; \
	  fi; \
	fi
	@touch $@
deps: build/.deps

build/judge/%.o: judge/%.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) -c -o $@ $<

build/verdict: $(JUDGE_OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(PKG_LIBS)

# Hostile and benign programs the tests run inside the box: static, so they
# need nothing from the box but themselves.
build/tests/progs/%: tests/progs/%.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) -std=gnu17 -O1 -static -pthread -o $@ $< -lm

build/tests/unit/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -Ijudge -o $@ $< $(LIB_OBJ) $(PKG_LIBS)

build/bench/sandbox_bench: tests/bench/sandbox_bench.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -Ijudge -o $@ $< $(LIB_OBJ) $(PKG_LIBS)

test: build/verdict $(PROGS) $(UNIT)
	@VERDICT=$(CURDIR)/build/verdict PROGS=$(CURDIR)/build/tests/progs \
	  UNIT=$(CURDIR)/build/tests/unit tests/run.sh

# Until the web server exists, `make run` demonstrates the sandbox.
run: build/verdict $(PROGS)
	@VERDICT=$(CURDIR)/build/verdict PROGS=$(CURDIR)/build/tests/progs tests/demo.sh

bench: build/verdict build/bench/sandbox_bench build/tests/progs/trivial
	@build/bench/sandbox_bench --verdict $(CURDIR)/build/verdict \
	  --prog $(CURDIR)/build/tests/progs/trivial $(BENCH_ARGS)

clean:
	rm -rf build

-include $(JUDGE_OBJ:.o=.d)
