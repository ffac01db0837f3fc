# storyline: build with plain make and pkg-config.
#   make          build build/storyline and build/libstoryline.a
#   make demo     install what is missing, build, run on examples/
#   make check    install what is missing, build, run every test: the suite
#                 under ASan and UBSan, the fuzz targets, the suite as built
#   make test     the suite as built (tests/run)
#   make sanitize the suite under ASan and UBSan, in build/asan
#   make fuzz     every libFuzzer target (or FUZZ="html feed") for
#                 FUZZ_SECONDS (60) from its seeds; fails on any finding
#   make gen      build/gen, the synthetic news stream of the benchmarks
#   make model    refit the clustering decisions (data/model/cluster.tsv) on
#                 ../shared/data and rebuild with them
#   make typer    refit the name typer (data/model/typer.tsv) on the train
#                 split of ../shared/data/newswire-ner-dev and rebuild
#   make tagger   refit the word-by-word name tagger (data/model/tagger.tsv)
#                 on the same split and rebuild
#   make wordclass  group words used alike into classes for the tagger
#                 (data/model/wordclass.tsv) from unlabelled news in
#                 ../shared/data; make tagger then refits the tagger on them

CC      ?= cc
# libcurl and libmicrohttpd are compiled against but not linked: watch and
# serve open them at first use (lib_open in src/core/core.h says why). The
# tests that talk to the server link libcurl as their client.
LINKED  := sqlite3 jansson zlib libdeflate libutf8proc libxxhash libpcre2-8 libxml-2.0
PKGS    := $(LINKED) libcurl libmicrohttpd
# -O3: extraction 3% faster than -O2 on zyte-aeb, with the same output
# (extract --json on the dev pages, and the database of make demo).
# -flto: ingest of bench/scale's stream 5% faster at 100,000 articles and
# 3% at a million (2,013 and 2,027 articles/s against 1,963), extraction
# 3% (bench/extract), the same output: the tagger's calls into the typer's
# tables and the hash maps are inlined across files. The objects keep
# their plain code too (-ffat-lto-objects), so that the tests link them
# without a link-time optimisation each. gcc's flags (clang before 18
# knows no -ffat-lto-objects: CFLAGS="-O3 -g" builds without).
CFLAGS  ?= -O3 -g -flto=auto -ffat-lto-objects
override CFLAGS += -std=c17 -Wall -Wextra -Werror -D_GNU_SOURCE -Iinclude -Isrc \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
override LDLIBS += $(shell pkg-config --libs $(LINKED) 2>/dev/null) -lstemmer -lm -lpthread

B       := build
LIBSRC  := $(sort $(filter-out src/cli/%, $(wildcard src/*/*.c)))
LIBOBJ  := $(LIBSRC:%.c=$(B)/%.o)
# The learned models' weights (data/model/NAME.tsv), compiled in as C
# strings that scripts/text-table writes for each build.
TABLES  := typer tagger cluster wordclass
LIBOBJ  += $(TABLES:%=$(B)/tables/%_table.o)
CLISRC  := $(wildcard src/cli/*.c)
CLIOBJ  := $(CLISRC:%.c=$(B)/%.o)
TESTSRC := $(sort $(wildcard tests/*/test_*.c))
TESTBIN := $(TESTSRC:tests/%.c=$(B)/tests/%)

all: $(B)/storyline

$(B)/%.o: %.c $(wildcard include/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/tables/%_table.c: data/model/%.tsv scripts/text-table
	@mkdir -p $(dir $@)
	scripts/text-table $* $@

$(B)/tables/%_table.o: $(B)/tables/%_table.c
	$(CC) $(CFLAGS) -c $< -o $@

# Files built into the binary as they are (src/serve/assets.c), by
# assembler directives, which a link-time optimisation does not see.
$(B)/src/serve/assets.o: src/serve/openapi.json src/serve/assets/style.css
$(B)/src/serve/assets.o: override CFLAGS += -fno-lto

$(B)/libstoryline.a: $(LIBOBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/storyline: $(CLIOBJ) $(B)/libstoryline.a
	$(CC) $(CFLAGS) -o $@ $(CLIOBJ) $(B)/libstoryline.a $(LDLIBS)

$(B)/tests/%: tests/%.c $(wildcard tests/*.h tests/*/*.h) $(B)/libstoryline.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -fno-lto -Itests -o $@ $< $(B)/libstoryline.a $(LDLIBS) \
	    $(shell pkg-config --libs libcurl 2>/dev/null) -lcmocka

# The corpus generator of bench/scale: plain C and libm, none of the
# library's dependencies (of the library it uses only the calendar).
GENSRC  := $(wildcard bench/gen*.c) src/core/day.c

$(B)/gen: $(GENSRC) bench/gen.h src/core/core.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(GENSRC) -lm

gen: $(B)/gen

# bench/serve's client for one request at a time (bench/latency.c): libc only.
$(B)/latency: bench/latency.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ bench/latency.c

# bench/domdiff.c: our HTML parser checked against libxml2's, page by page.
$(B)/domdiff: bench/domdiff.c $(B)/libstoryline.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ bench/domdiff.c $(B)/libstoryline.a $(LDLIBS)

# Fuzzing (clang's libFuzzer): fuzz/fuzz_NAME.c for every parser, seeds in
# fuzz/seeds/NAME/. make fuzz builds the targets and runs each (or those of
# FUZZ="html feed") for FUZZ_SECONDS from a fresh copy of its seeds; any
# finding fails it (fuzz/run). The library is built once for all targets,
# with ASan and UBSan, undefined behaviour not recovered from.
FUZZ_SECONDS ?= 60
FUZZ    ?= $(patsubst fuzz/fuzz_%.c,%,$(wildcard fuzz/fuzz_*.c))
FUZZBIN := $(FUZZ:%=$(B)/fuzz/fuzz_%)
FUZZLIB := $(filter-out src/engine/% src/store/% src/serve/%, $(LIBSRC))
FUZZOBJ := $(FUZZLIB:%.c=$(B)/fuzzlib/%.o) $(TABLES:%=$(B)/fuzzlib/tables/%_table.o)
FUZZCFLAGS := -std=c17 -Wall -Wextra -Werror -g -O1 -fno-omit-frame-pointer -D_GNU_SOURCE \
           -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
           -fsanitize=address,undefined -fno-sanitize-recover=undefined

# Only pattern rules name these objects: without this make deletes them as
# intermediate files and builds them again for every run.
.SECONDARY: $(FUZZOBJ) $(TABLES:%=$(B)/tables/%_table.c)
$(B)/fuzzlib/tables/%_table.o: $(B)/tables/%_table.c
	@mkdir -p $(dir $@)
	clang $(FUZZCFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(B)/fuzzlib/%.o: %.c $(wildcard include/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	clang $(FUZZCFLAGS) -fsanitize=fuzzer-no-link -c $< -o $@

$(B)/fuzz/fuzz_%: fuzz/fuzz_%.c $(FUZZOBJ)
	@mkdir -p $(dir $@)
	clang $(FUZZCFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZOBJ) $(LDLIBS)

fuzz: setup-check
	@$(MAKE) --no-print-directory $(FUZZBIN)
	@fuzz/run $(FUZZ_SECONDS) $(B)/fuzz-run $(FUZZBIN)

# The suite (tests/run over every tests/*/test_*.c) in $(B).
test:
	@$(MAKE) --no-print-directory all $(B)/gen $(TESTBIN)
	@tests/run $(TESTBIN)

# The suite under AddressSanitizer and UndefinedBehaviorSanitizer, in its
# own build folder (gcc's format-truncation check misfires there).
sanitize: setup
	@$(MAKE) --no-print-directory B=$(B)/asan test \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Wno-format-truncation"

setup:
	@scripts/setup

setup-check:
	@scripts/setup check

demo: setup
	@$(MAKE) --no-print-directory all
	@scripts/demo

# Everything CI enforces, stopping at the first part that fails: the suite
# under the sanitizers (the quickest to fail), the fuzzers, then the suite as
# built, whose summary line ends the output. The e2e tests of both run
# build/storyline and build/gen, so those are built first.
check: setup-check
	@$(MAKE) --no-print-directory all $(B)/gen
	@$(MAKE) --no-print-directory sanitize
	@$(MAKE) --no-print-directory fuzz
	@$(MAKE) --no-print-directory test

bench:
	@scripts/setup bench
	@$(MAKE) --no-print-directory all $(B)/gen
	@bench/run

# The learned clustering decisions, refitted on the labelled data beside the
# repository (scripts/fit-model); the next build compiles them in.
SHARED ?= ../shared
model:
	@scripts/setup model
	@$(MAKE) --no-print-directory all
	@cut -f1,3 $(SHARED)/data/ecbplus-dev/labels.tsv > $(B)/ecb_gold.tsv
	/usr/bin/python3 scripts/fit-model --out data/model/cluster.tsv \
	  $(SHARED)/data/t17-dev/docs.jsonl $(SHARED)/data/t17-dev/labels.tsv \
	  $(SHARED)/data/ecbplus-dev/docs.jsonl $(B)/ecb_gold.tsv
	@$(MAKE) --no-print-directory all

# The learned name typer and the word-by-word name tagger, each refitted on
# the train split of the newswire corpus beside the repository
# (scripts/fit-typer, scripts/fit-tagger: C 1, each article as written and
# as tokens, about 25 minutes); the next build compiles them in.
typer tagger:
	@scripts/setup model
	@$(MAKE) --no-print-directory all
	/usr/bin/python3 scripts/fit-$@ --out data/model/$@.tsv --data $(SHARED)/data/newswire-ner-dev \
	  $(if $(filter tagger,$@),--c 1.0)
	@$(MAKE) --no-print-directory all

# Word classes for the tagger's features, from unlabelled news beside the
# repository (scripts/fit-wordclass); make tagger refits the tagger on them.
wordclass:
	@scripts/setup model
	/usr/bin/python3 scripts/fit-wordclass --out data/model/wordclass.tsv --shared $(SHARED)
	@$(MAKE) --no-print-directory all

clean:
	rm -rf $(B)

.PHONY: all setup setup-check demo check test bench gen fuzz sanitize clean model typer tagger wordclass
