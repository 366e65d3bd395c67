# wijkteam - build, run, test.
#   make run     install what is missing, build, create the demo, serve on http://127.0.0.1:8080
#   make check   every test: unit (Criterion), HTTP, browser (Chromium), under ASan + UBSan
#   make bench   benchmarks (ratios measured side by side)

CC      ?= cc
LISTEN  ?= 127.0.0.1:8080
DEMO_DB ?= data/demo.db
B       ?= build
PKGS     = libmicrohttpd jansson libsodium sqlite3 libpq nettle libqrencode igraph cairo fontconfig
VERSION := $(shell git describe --always --dirty 2>/dev/null || echo 0.1.0)

WARN     = -std=c17 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wno-format-nonliteral
CPPFLAGS = -D_GNU_SOURCE -DWT_VERSION='"$(VERSION)"'
PKG_CFLAGS = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null)
LDLIBS   = $(PKG_LIBS) -lpthread -lm

REL_FLAGS = -O2 -g
SAN_FLAGS = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer

SRC      := $(shell find src -name '*.c' | sort)
LIB_SRC  := $(filter-out src/main.c,$(SRC))
MIGRATIONS := $(sort $(wildcard sql/migrations/*.sql))
GEN      := $(B)/gen/migrations.c
PWLIST   := $(B)/gen/common_passwords.c
HDRS     := $(shell find src -name '*.h')

REL_OBJ  := $(patsubst %.c,$(B)/rel/%.o,$(LIB_SRC)) $(B)/rel/gen/migrations.o $(B)/rel/gen/common_passwords.o
SAN_OBJ  := $(patsubst %.c,$(B)/san/%.o,$(LIB_SRC)) $(B)/san/gen/migrations.o $(B)/san/gen/common_passwords.o
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

STATIC_SRC := static/app.css
UTRECHT    := node_modules/@utrecht

.PHONY: all deps build run check unit unit-pg http http-pg e2e bench clean pot lint demo fuzz fuzz-smoke

all: build

deps:
	@sh scripts/install-deps.sh

build: $(B)/wijkteam $(B)/static/.stamp $(B)/static/openapi.json

$(B)/wijkteam: $(REL_OBJ) $(B)/rel/src/main.o
	$(CC) $(REL_FLAGS) -o $@ $^ $(LDLIBS)

$(B)/san/wijkteam: $(SAN_OBJ) $(B)/san/src/main.o
	$(CC) $(SAN_FLAGS) -o $@ $^ $(LDLIBS)

$(B)/rel/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "CC $<"
	@$(CC) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(REL_FLAGS) -c -o $@ $<

$(B)/san/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "CC (san) $<"
	@$(CC) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(B)/rel/gen/migrations.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(REL_FLAGS) -c -o $@ $<

$(B)/san/gen/migrations.o: $(GEN)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(B)/rel/gen/common_passwords.o: $(PWLIST)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(REL_FLAGS) -c -o $@ $<

$(B)/san/gen/common_passwords.o: $(PWLIST)
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(SAN_FLAGS) -c -o $@ $<

$(PWLIST): share/common-passwords.txt scripts/embed-passwords.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-passwords.sh share/common-passwords.txt $@

$(GEN): $(MIGRATIONS) scripts/embed-migrations.sh
	@mkdir -p $(dir $@)
	sh scripts/embed-migrations.sh $@ $(MIGRATIONS)

$(B)/static/.stamp: $(STATIC_SRC) $(wildcard static/*) package.json
	@mkdir -p $(B)/static
	cp static/* $(B)/static/
	cp $(UTRECHT)/component-library-css/dist/index.css $(B)/static/utrecht.css
	cp $(UTRECHT)/design-tokens/dist/theme.css $(B)/static/utrecht-theme.css
	@touch $@

demo: build
	@mkdir -p $(dir $(DEMO_DB))
	@test -f $(DEMO_DB) || ./$(B)/wijkteam demo --db $(DEMO_DB)

run: deps build demo
	@echo
	@echo "  wijkteam serves on http://$(LISTEN)"
	@echo "  demo logins (password: wijkteam-demo-2026):"
	@echo "    sanne   sociaal werker / regisseur     (team Heechterp-Schieringen)"
	@echo "    ahmed   opbouwwerker"
	@echo "    marieke teamleider"
	@echo "    beheer  beheerder (no case content)"
	@echo "    beleid  beleidsmedewerker (aggregates only)"
	@echo
	./$(B)/wijkteam serve --db $(DEMO_DB) --listen $(LISTEN)

# --- tests -------------------------------------------------------------------

$(B)/tests/unit: $(UNIT_SRC) $(wildcard tests/unit/*.h) $(SAN_OBJ)
	@mkdir -p $(B)/tests
	$(CC) $(WARN) -Wno-shadow $(CPPFLAGS) $(PKG_CFLAGS) $(SAN_FLAGS) -o $@ $(UNIT_SRC) $(SAN_OBJ) $(LDLIBS) -lcriterion

unit: $(B)/tests/unit
	ASAN_OPTIONS=detect_leaks=1 ./$(B)/tests/unit --jobs 2

http: $(B)/san/wijkteam $(B)/static/.stamp
	WIJKTEAM_BIN=$(abspath $(B))/san/wijkteam node --test --test-concurrency=1 tests/http/*.test.mjs

# The same against a throw-away PostgreSQL server (scripts/pg-test.sh): the store's unit tests
# (suite db_pgsql) and the whole HTTP suite, each server on a database of its own; then the tests
# only PostgreSQL has (tests/http/pg: migrate, outage and recovery, crashes of PostgreSQL itself).
unit-pg: $(B)/tests/unit
	sh scripts/pg-test.sh env ASAN_OPTIONS=detect_leaks=1 ./$(B)/tests/unit --jobs 2 --filter 'db_pgsql/*'

http-pg: $(B)/san/wijkteam $(B)/static/.stamp
	sh scripts/pg-test.sh sh -c '$(MAKE) --no-print-directory http && \
	  WIJKTEAM_BIN=$(abspath $(B))/san/wijkteam node --test --test-concurrency=1 tests/http/pg/*.test.mjs'

e2e: $(B)/san/wijkteam $(B)/static/.stamp
	WIJKTEAM_BIN=$(abspath $(B))/san/wijkteam node --test --test-concurrency=1 tests/e2e/*.test.mjs

$(B)/static/openapi.json: $(wildcard docs/openapi/*.json) scripts/openapi-build.mjs $(B)/static/.stamp
	node scripts/openapi-build.mjs $@

check: deps build $(B)/san/wijkteam
	$(MAKE) unit
	$(MAKE) fuzz-smoke
	$(MAKE) http
	$(MAKE) unit-pg
	$(MAKE) http-pg
	$(MAKE) e2e

bench: deps build $(B)/bench-network
	B=$(B) sh scripts/bench.sh

# Matching and network figures at city scale, through the rules (scripts/bench-network.c).
$(B)/bench-network: scripts/bench-network.c $(REL_OBJ)
	@echo "CC $<"
	@$(CC) $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(REL_FLAGS) -o $@ $^ $(LDLIBS)

# --- fuzzing (libFuzzer, clang) ------------------------------------------------
FUZZ_CORE = src/core/arena.c src/core/buf.c src/core/xalloc.c src/core/text.c src/core/date.c src/core/status.c \
            src/core/ctx.c src/http/request.c src/http/router.c src/http/html.c src/http/api.c
# The importers' harnesses link the whole library, compiled once more by clang for libFuzzer.
FUZZ_FLAGS = -g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
FUZZ_LIB   := $(patsubst %.c,$(B)/fuzzlib/%.o,$(LIB_SRC)) $(B)/fuzzlib/gen/migrations.o $(B)/fuzzlib/gen/common_passwords.o
FUZZ_IMPORTERS = $(B)/fuzz/fuzz_hsds_json $(B)/fuzz/fuzz_hsds_csv $(B)/fuzz/fuzz_assessment_scale
FUZZERS   = $(B)/fuzz/fuzz_request $(B)/fuzz/fuzz_json $(FUZZ_IMPORTERS)
FUZZ_SECONDS ?= 300
# Runs of each harness in make check: the importers write to a database, so fewer of them.
FUZZ_RUNS ?= 20000
FUZZ_IMPORT_RUNS ?= 1500

$(B)/fuzz/%: tests/fuzz/%.c $(FUZZ_CORE) $(HDRS)
	@mkdir -p $(dir $@)
	clang -std=c17 -g -O1 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -o $@ $< $(FUZZ_CORE) $(shell pkg-config --cflags --libs jansson)

$(B)/fuzzlib/%.o: %.c $(HDRS)
	@mkdir -p $(dir $@)
	@echo "CC (fuzz) $<"
	@clang $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

$(B)/fuzzlib/gen/migrations.o: $(GEN)
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

$(B)/fuzzlib/gen/common_passwords.o: $(PWLIST)
	@mkdir -p $(dir $@)
	clang $(CPPFLAGS) $(FUZZ_FLAGS) -c -o $@ $<

$(FUZZ_IMPORTERS): $(B)/fuzz/%: tests/fuzz/%.c tests/fuzz/fuzz_db.h $(FUZZ_LIB)
	@mkdir -p $(dir $@)
	@echo "LD (fuzz) $@"
	@clang $(WARN) $(CPPFLAGS) $(PKG_CFLAGS) -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
	  -o $@ $< $(FUZZ_LIB) $(LDLIBS)

# A short run of every harness (part of make check), from its seed corpus in tests/fuzz/corpus/ when it has one
# (libFuzzer adds what it finds to the first directory: a scratch one, so the seeds stay as they are).
fuzz-smoke: $(FUZZERS)
	@for f in $(FUZZERS); do n=$$(basename $$f); c=tests/fuzz/corpus/$${n#fuzz_}; w=$$f.smoke; \
	  if [ -d $$c ]; then runs=$(FUZZ_IMPORT_RUNS); len=16384; else runs=$(FUZZ_RUNS); len=4096; c=; fi; \
	  rm -rf $$w; mkdir -p $$w; echo "fuzz $$f ($$runs runs)"; \
	  $$f -runs=$$runs -max_len=$$len -seed=1 $$w $$c >/dev/null 2>$$f.log || { cat $$f.log; exit 1; }; done

# A long run: make fuzz FUZZ_SECONDS=3600 (new inputs go to $(B)/fuzz/corpus/NAME, the seeds stay as they are)
fuzz: $(FUZZERS)
	@for f in $(FUZZERS); do n=$$(basename $$f); c=tests/fuzz/corpus/$${n#fuzz_}; w=$(B)/fuzz/corpus/$${n#fuzz_}; \
	  mkdir -p $$w; [ -d $$c ] || c=; \
	  $$f -max_total_time=$(FUZZ_SECONDS) -max_len=16384 $$w $$c || exit 1; done

lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,performance,portability --std=c11 \
	  --suppress=missingIncludeSystem -I src src

pot:
	@mkdir -p po
	xgettext --from-code=UTF-8 --keyword=_ --keyword=N_ --language=C -o po/wijkteam.pot $(SRC)

clean:
	rm -rf build
