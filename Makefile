# Verdict: one flat Makefile. Targets: all test run bench clean.
# `make` installs the Debian packages it needs when they are missing
# (as root with apt-get; otherwise it prints the command and stops).

BUILD_PKGS := gcc make pkg-config libc6-dev xxd libseccomp-dev libcjson-dev libyaml-dev libsqlite3-dev libarchive-dev libsodium-dev g++ libctemplate-dev libmicrohttpd-dev libxml2-dev zlib1g-dev
# Markdown and LaTeX statements become HTML at import (judge/package/statement.c).
RUN_PKGS   := pandoc
# The browser tests drive Debian's Chromium with playwright-core (from npm,
# into build/node); Node.js and npm come from Debian unless already there.
TEST_PKGS  := procps iproute2 util-linux sqlite3 curl openssl chromium qemu-system-x86 busybox-static cpio kmod
BENCH_PKGS := bubblewrap wrk

CC      ?= gcc
CFLAGS  := -std=gnu17 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Wshadow -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2 -Wno-format-nonliteral \
           -Werror=implicit-function-declaration \
           -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE -MMD -MP
LDFLAGS := -pie -Wl,-z,relro,-z,now -Wl,-z,pack-relative-relocs
# Expanded when a recipe runs, i.e. after build/.deps has installed them.
PKG_CFLAGS = $(shell pkg-config --cflags libseccomp libcjson yaml-0.1 sqlite3 libarchive libsodium libmicrohttpd libxml-2.0)
# libarchive, libmicrohttpd and libxml2 are not linked: judge/package/package_archive.c,
# web/mhd.c and judge/package/polygon_xml.c load them when needed (judge/core/late_lib.c).
# The rest is linked statically but for libc and cJSON (which Debian ships
# only as a shared library): every `verdict sandbox` run is a fresh process,
# and loading six shared libraries (and relocating libstdc++) cost it
# ~0.6 ms of ~8. The archives are prerequisites of build/verdict, so `make`
# relinks after a security update of any of them.
STATIC_LIBS := seccomp yaml sqlite3 sodium ctemplate z
PKG_LIBS   = $(shell pkg-config --libs libcjson) -Wl,-Bstatic $(addprefix -l,$(STATIC_LIBS)) -Wl,-Bdynamic \
             -static-libstdc++ -static-libgcc -lm -pthread
STATIC_ARCHIVES = $(wildcard $(foreach l,$(STATIC_LIBS),$(shell $(CC) -print-file-name=lib$(l).a)))

# judge/ is one folder per subsystem (README: Layout); its headers are
# included by name, so every folder is on the include path.
JUDGE_DIRS := $(sort $(dir $(wildcard judge/*/*.c)))
JUDGE_INC  := $(patsubst %/,-I%,$(JUDGE_DIRS))
JUDGE_OBJ := $(patsubst %.c,build/%.o,$(wildcard judge/*/*.c) $(wildcard web/*.c)) \
             $(patsubst %.cc,build/%.o,$(wildcard web/*.cc)) build/schema_sql.o build/web_assets.o \
             build/languages_yaml.o
MIGRATIONS := $(sort $(wildcard schema/*.sql))
LIB_OBJ   := $(filter-out build/judge/cli/main.o,$(JUDGE_OBJ))
PROGS     := $(patsubst tests/progs/%.c,build/tests/progs/%,$(wildcard tests/progs/*.c))
UNIT      := $(patsubst tests/unit/%.c,build/tests/unit/%,$(wildcard tests/unit/*.c))

.PHONY: all test run sandbox-demo bench soak clean deps install uninstall
all: build/verdict

# Installs the Debian packages named in $(1) that are missing (apt-get as
# root; otherwise prints the command to run and fails).
define install_missing
	@missing=""; for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q '^install ok installed' \
	    || missing="$$missing $$p"; \
	done; \
	command -v npm >/dev/null || missing="$$missing nodejs npm"; \
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
endef

# Missing packages are installed once; the stamp is redone when this file changes.
build/.deps: Makefile
	@mkdir -p build
	$(call install_missing,$(BUILD_PKGS) $(RUN_PKGS) $(TEST_PKGS) $(BENCH_PKGS))
	@touch $@
# The toolchains submissions are compiled and run with: each language's row
# in judge/judging/language.c names its packages (`verdict languages --packages`).
build/.lang-deps: build/verdict
	$(call install_missing,$$(build/verdict languages --packages))
	@touch $@
deps: build/.deps

build/judge/%.o: judge/%.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(JUDGE_INC) -c -o $@ $<

# The C++ shim over ctemplate (web/template.cc), the only C++ in Verdict.
CXX      ?= g++
CXXFLAGS := -std=gnu++17 -O2 -g -Wall -Wextra -D_FORTIFY_SOURCE=2 -fstack-protector-strong -fPIE -MMD -MP
build/web/%.o: web/%.cc | build/.deps
	@mkdir -p $(dir $@)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

# web/ links the judge code (judge/ knows nothing of the web).
build/web/%.o: web/%.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(PKG_CFLAGS) $(JUDGE_INC) -c -o $@ $<

# The migrations are compiled into the binary, in file-name order, so that
# build/verdict can open or upgrade a database wherever it runs.
build/schema_sql.c: $(MIGRATIONS) Makefile | build/.deps
	@mkdir -p build
	@{ echo '/* generated by the Makefile from the files in schema/: do not edit */'; \
	   echo '#include "db_migrations.h"'; \
	   i=0; for f in $(MIGRATIONS); do i=$$((i+1)); \
	     echo "static const char m$$i[] = {"; xxd -i < $$f; echo ", 0x00 };"; done; \
	   echo 'const struct db_migration db_migrations[] = {'; \
	   i=0; for f in $(MIGRATIONS); do i=$$((i+1)); echo "  { \"$$(basename $$f)\", m$$i },"; done; \
	   echo '  { 0, 0 } };'; } > $@

build/schema_sql.o: build/schema_sql.c
	$(CC) $(CFLAGS) $(JUDGE_INC) -c -o $@ $<

# The default language table is compiled in too (judge/judging/language_table.c);
# an operator's languages.yaml replaces or adds rows at start.
build/languages_yaml.c: judge/judging/languages.yaml Makefile | build/.deps
	@mkdir -p build
	@{ echo '/* generated by the Makefile from judge/judging/languages.yaml: do not edit */'; \
	   echo 'extern const char language_defaults_yaml[]; extern const unsigned long language_defaults_yaml_len;'; \
	   echo 'const char language_defaults_yaml[] = {'; xxd -i < $<; echo ', 0x00 };'; \
	   echo 'const unsigned long language_defaults_yaml_len = sizeof language_defaults_yaml - 1;'; } > $@

build/languages_yaml.o: build/languages_yaml.c
	$(CC) $(CFLAGS) -c -o $@ $<

# The page templates and static files are compiled in too: `verdict serve`
# needs nothing from the source tree.
# build/static/ holds what is built from web/editor (below); served from /static too.
ASSETS := $(sort $(wildcard web/templates/*.tpl) $(wildcard web/static/*)) build/static/editor.js
build/web_assets.c: $(ASSETS) Makefile | build/.deps
	@mkdir -p build
	@{ echo '/* generated by the Makefile from web/templates, web/static and build/static: do not edit */'; \
	   echo '#include "assets.h"'; \
	   i=0; for f in $(ASSETS); do i=$$((i+1)); \
	     echo "static const unsigned char a$$i[] = {"; xxd -i < $$f; echo ", 0x00 };"; done; \
	   echo 'const struct web_asset web_assets[] = {'; \
	   i=0; for f in $(ASSETS); do i=$$((i+1)); \
	     n=$${f#web/}; echo "  { \"$${n#build/}\", a$$i, sizeof a$$i - 1 },"; done; \
	   echo '  { 0, 0, 0 } };'; } > $@

# The code editor (web/editor: CodeMirror 6), bundled by esbuild from the npm
# packages pinned in web/editor/package-lock.json: installed into build/,
# never the source tree (`npm ci` needs the npm registry).
EDITOR_SRC := $(wildcard web/editor/*.js)
build/editor/node_modules/.verdict-stamp: web/editor/package.json web/editor/package-lock.json | build/.deps
	@mkdir -p build/editor
	cp web/editor/package.json web/editor/package-lock.json build/editor/
	npm ci --prefix build/editor --no-audit --no-fund --loglevel=error
	@touch $@
build/static/editor.js: $(EDITOR_SRC) build/editor/node_modules/.verdict-stamp
	@mkdir -p build/static build/editor/src
	cp $(EDITOR_SRC) build/editor/src/
	build/editor/node_modules/.bin/esbuild build/editor/src/editor.js --bundle --minify --format=iife \
	  --target=es2019 --log-level=warning --outfile=$@

build/web_assets.o: build/web_assets.c
	$(CC) $(CFLAGS) -Iweb -c -o $@ $<

build/verdict: $(JUDGE_OBJ) $(STATIC_ARCHIVES)
	$(CXX) $(LDFLAGS) -o $@ $(JUDGE_OBJ) $(PKG_LIBS)

# Hostile and benign programs the tests run inside the box: static, so they
# need nothing from the box but themselves.
build/tests/progs/%: tests/progs/%.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) -std=gnu17 -O1 -static -pthread -o $@ $< -lm

build/tests/unit/%: tests/unit/%.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CXX) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) $(JUDGE_INC) -Iweb -x c $< -x none -o $@ $(LIB_OBJ) $(PKG_LIBS)

build/bench/sandbox_bench: tests/bench/sandbox_bench.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CXX) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) $(JUDGE_INC) -x c $< -x none -o $@ $(LIB_OBJ) $(PKG_LIBS)

# playwright-core for the browser tests (tests/t0303-web-browser.sh), at the
# version pinned in tests/browser/package-lock.json: installed into build/,
# never the source tree. `npm ci` needs the npm registry.
build/node/node_modules/playwright-core: tests/browser/package.json tests/browser/package-lock.json | build/.deps
	@mkdir -p build/node
	cp tests/browser/package.json tests/browser/package-lock.json build/node/
	npm ci --prefix build/node --no-audit --no-fund --loglevel=error
	@touch $@

test: build/verdict build/.lang-deps $(PROGS) $(UNIT) build/node/node_modules/playwright-core
	@VERDICT=$(CURDIR)/build/verdict PROGS=$(CURDIR)/build/tests/progs \
	  UNIT=$(CURDIR)/build/tests/unit tests/run.sh

# Verdict on http://127.0.0.1:8080 with the example problems and demo accounts.
run: build/verdict build/.lang-deps
	@VERDICT=$(CURDIR)/build/verdict web/demo.sh

# Verdict as a systemd service (README: Running it on a server). Data
# and settings survive uninstall.
PREFIX      ?= /usr/local
BINDIR      ?= $(PREFIX)/bin
SYSCONFDIR  ?= $(if $(filter /usr,$(PREFIX)),/etc,$(if $(filter /usr/local,$(PREFIX)),/etc,$(PREFIX)/etc))
UNITDIR     ?= $(PREFIX)/lib/systemd/system
SYSUSERSDIR ?= $(PREFIX)/lib/sysusers.d
INSTALL_ENV  = DESTDIR="$(DESTDIR)" BINDIR="$(BINDIR)" UNITDIR="$(UNITDIR)" SYSUSERSDIR="$(SYSUSERSDIR)" SYSCONFDIR="$(SYSCONFDIR)"
install: build/verdict build/.lang-deps
	@$(INSTALL_ENV) web/install/install.sh install
uninstall:
	@$(INSTALL_ENV) web/install/install.sh uninstall

# What the sandbox does with a few hostile programs.
sandbox-demo: build/verdict $(PROGS)
	@VERDICT=$(CURDIR)/build/verdict PROGS=$(CURDIR)/build/tests/progs tests/sandbox_demo.sh

build/bench/judge_bench: tests/bench/judge_bench.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CXX) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) $(JUDGE_INC) -x c $< -x none -o $@ $(LIB_OBJ) $(PKG_LIBS)

build/bench/db_bench: tests/bench/db_bench.c $(LIB_OBJ)
	@mkdir -p $(dir $@)
	$(CXX) $(CFLAGS) $(PKG_CFLAGS) $(LDFLAGS) $(JUDGE_INC) -x c $< -x none -o $@ $(LIB_OBJ) $(PKG_LIBS)

# A plain-sockets client timing form POSTs, for tests/bench/web_bench.sh.
build/bench/web_post: tests/bench/web_post.c | build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $< $(LDFLAGS)

bench: build/verdict build/.lang-deps build/bench/sandbox_bench build/bench/judge_bench build/bench/db_bench build/tests/progs/trivial \
       build/bench/web_post
	@build/bench/sandbox_bench --verdict $(CURDIR)/build/verdict \
	  --prog $(CURDIR)/build/tests/progs/trivial $(BENCH_ARGS)
	@echo
	@build/bench/judge_bench --verdict $(CURDIR)/build/verdict
	@echo
	@build/bench/db_bench
	@echo
	@VERDICT=$(CURDIR)/build/verdict WEB_POST=$(CURDIR)/build/bench/web_post tests/bench/web_bench.sh

# The long kill storm: students submit through the web forms for 4 minutes
# while the web server and the judge are killed 120 times (make test runs
# the same, 24 times in 40 s, in tests/t0209-judge-durable.sh).
soak: build/verdict build/.lang-deps
	@VERDICT=$(CURDIR)/build/verdict PROGS=$(CURDIR)/build/tests/progs STORM_SECONDS=240 STORM_KILLS=120 \
	  bash tests/t0209-judge-durable.sh

clean:
	rm -rf build

-include $(JUDGE_OBJ:.o=.d)
