# storyline: build with plain make and pkg-config.
#   make          build build/storyline and build/libstoryline.a
#   make demo     install what is missing, build, run on examples/
#   make check    install what is missing, build, run every test
#   make sanitize the tests under ASan and UBSan
#   make fuzz     the libFuzzer targets (FUZZ_SECONDS each)
#   make gen      build/gen, the synthetic news stream of the benchmarks
#   make model    refit the clustering decisions (data/model/cluster.tsv) on
#                 ../shared/data and rebuild with them

CC      ?= cc
PKGS    := sqlite3 jansson zlib libutf8proc libxxhash libpcre2-8 libxml-2.0 libcurl
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c17 -Wall -Wextra -Werror -D_GNU_SOURCE -Iinclude -Isrc \
           $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
override LDLIBS += $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -lpthread

B       := build
LIBSRC  := $(sort $(filter-out src/cli/%, $(wildcard src/*/*.c)))
LIBOBJ  := $(LIBSRC:%.c=$(B)/%.o)
CLISRC  := $(wildcard src/cli/*.c)
CLIOBJ  := $(CLISRC:%.c=$(B)/%.o)
TESTSRC := $(sort $(wildcard tests/*/test_*.c))
TESTBIN := $(TESTSRC:tests/%.c=$(B)/tests/%)

all: $(B)/storyline

$(B)/%.o: %.c $(wildcard include/*.h src/*/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(B)/libstoryline.a: $(LIBOBJ)
	@rm -f $@
	ar rcs $@ $^

$(B)/storyline: $(CLIOBJ) $(B)/libstoryline.a
	$(CC) $(CFLAGS) -o $@ $(CLIOBJ) $(B)/libstoryline.a $(LDLIBS)

$(B)/tests/%: tests/%.c $(wildcard tests/*.h tests/*/*.h) $(B)/libstoryline.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests -o $@ $< $(B)/libstoryline.a $(LDLIBS) -lcmocka

# The corpus generator of bench/scale: plain C and libm, none of the
# library's dependencies (of the library it uses only the calendar).
GENSRC  := $(wildcard bench/gen*.c) src/core/day.c

$(B)/gen: $(GENSRC) bench/gen.h src/core/core.h
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -o $@ $(GENSRC) -lm

gen: $(B)/gen

# Fuzzing (clang's libFuzzer): make fuzz FUZZ_SECONDS=60
FUZZ_SECONDS ?= 20
FUZZSRC := $(wildcard fuzz/fuzz_*.c)
FUZZBIN := $(FUZZSRC:fuzz/%.c=$(B)/fuzz/%)
FUZZLIB := $(filter-out src/engine/% src/store/%, $(LIBSRC))

$(B)/fuzz/%: fuzz/%.c $(FUZZLIB)
	@mkdir -p $(dir $@)
	clang -std=c17 -g -O1 -D_GNU_SOURCE -Iinclude -Isrc $(shell pkg-config --cflags $(PKGS) 2>/dev/null) \
	  -fsanitize=fuzzer,address,undefined -o $@ $< $(FUZZLIB) $(LDLIBS)

fuzz: setup $(FUZZBIN)
	@for f in $(FUZZBIN); do echo "== $$f"; mkdir -p $(B)/corpus/$$(basename $$f); \
	  $$f -max_total_time=$(FUZZ_SECONDS) -timeout=10 -max_len=65536 -artifact_prefix=$(B)/ \
	    $(B)/corpus/$$(basename $$f) > $(B)/fuzz.log 2>&1 || { tail -n 40 $(B)/fuzz.log; exit 1; }; \
	  tail -n 1 $(B)/fuzz.log; done

# The unit tests under AddressSanitizer and UndefinedBehaviorSanitizer, in
# their own build folder (gcc's format-truncation check misfires there).
sanitize: setup
	@$(MAKE) --no-print-directory B=$(B)/asan check \
	  CFLAGS="-O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -Wno-format-truncation"

setup:
	@scripts/setup

demo: setup
	@$(MAKE) --no-print-directory all
	@scripts/demo

check: setup
	@$(MAKE) --no-print-directory all $(B)/gen $(TESTBIN)
	@tests/run $(TESTBIN)

bench:
	@scripts/setup bench
	@$(MAKE) --no-print-directory all $(B)/gen
	@bench/run

# The learned clustering decisions, refitted on the labelled data beside the
# repository (scripts/fit-model), then compiled in (scripts/model-table).
SHARED ?= ../shared
model:
	@scripts/setup model
	@$(MAKE) --no-print-directory all
	@cut -f1,3 $(SHARED)/data/ecbplus-dev/labels.tsv > $(B)/ecb_gold.tsv
	/usr/bin/python3 scripts/fit-model --out data/model/cluster.tsv \
	  $(SHARED)/data/t17-dev/docs.jsonl $(SHARED)/data/t17-dev/labels.tsv \
	  $(SHARED)/data/ecbplus-dev/docs.jsonl $(B)/ecb_gold.tsv
	@scripts/model-table
	@$(MAKE) --no-print-directory all

clean:
	rm -rf $(B)

.PHONY: all setup demo check bench gen fuzz sanitize clean model
