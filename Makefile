# factcheck: the editorial workflow as make targets.
#   make check                 report on every article in corpus/ (exit 0 whatever it finds)
#   make gate                  the same, exit 1 when a finding reaches error severity
#   make test                  the test suite
#   make eval                  precision/recall against tests/gold, and the public number suites
#   make batch ARCHIVE=dir     batch-check an archive into batch-out/
#   make report ARTICLE=file   one self-contained HTML report in reports/
#   make bench                 speed and memory benchmarks (ratios from one run), then the server under load
#   make serve                 the paste page and HTTP API on http://127.0.0.1:8000/
#   make fuzz                  bounded fuzzing of every surface (FUZZ_SECONDS=120, or FUZZ_COUNT=100000)
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
PYC    := $(VENV)/.bytecode-stamp
ARTICLES := $(wildcard corpus/*.txt corpus/*.md corpus/*.html corpus/*.docx)
ARCHIVE ?= corpus/*.txt
HELDOUT := $(sort $(wildcard tests/heldout tests/heldout[0-9]*))
REAL    := corpus/real/dev corpus/real/test corpus/real/test2 corpus/real/test3 corpus/real/test4 corpus/real/test5 corpus/real/test6 corpus/real/test7 corpus/real/test8 corpus/real/test9 corpus/real/test10 corpus/real/test11 corpus/real/test12 corpus/real/test13 corpus/real/test14 corpus/real/test15 corpus/real/test16 corpus/real/test17 corpus/real/test18 corpus/real/test19 corpus/real/test20 corpus/real/test21 corpus/real/test22 corpus/real/test23 corpus/real/test24 corpus/real/test25 corpus/real/test26 corpus/real/test27 corpus/real/test28 corpus/real/test29 corpus/real/test30 corpus/real/test31 corpus/real/test32 corpus/real/test33 corpus/real/test34 corpus/real/test35 corpus/real/test36 corpus/real/test37 corpus/real/test38 corpus/real/test39 corpus/real/test40 corpus/real/test41 corpus/real/test42 corpus/real/test43 corpus/real/test44 corpus/real/test45 corpus/real/test46 corpus/real/test47 corpus/real/test48 corpus/real/test49 corpus/real/test50 corpus/real/test51 corpus/real/test52 corpus/real/test53 corpus/real/test54 corpus/real/test55 corpus/real/test56 corpus/real/test57 corpus/real/test58 corpus/real/test59 corpus/real/test60 corpus/real/test61 corpus/real/test62 corpus/real/test63 corpus/real/test64 corpus/real/test65 corpus/real/test66 corpus/real/test67 corpus/real/test68 corpus/real/test69 corpus/real/test70 corpus/real/test71 corpus/real/test72 corpus/real/test73 corpus/real/test74 corpus/real/test75 corpus/real/test76 corpus/real/test77 corpus/real/test78 corpus/real/test79 corpus/real/test80 corpus/real/test81 corpus/real/test82 corpus/real/test83 corpus/real/test84 corpus/real/test85 corpus/real/test86 corpus/real/test87 corpus/real/test88 corpus/real/test89 corpus/real/test90 corpus/real/test91 corpus/real/test92 corpus/real/test93 corpus/real/test94 corpus/real/test95 corpus/real/test96 corpus/real/test97 corpus/real/test98 corpus/real/test99 corpus/real/test100 corpus/real/test101 corpus/real/test102 corpus/real/test103 corpus/real/test104 corpus/real/test105 corpus/real/test106 corpus/real/test107 corpus/real/test108 corpus/real/test109 corpus/real/test110 corpus/real/test111 corpus/real/test112 corpus/real/test113 corpus/real/test114 corpus/real/test115 corpus/real/test116 corpus/real/test117 corpus/real/test118 corpus/real/test119 corpus/real/test120 corpus/real/test121 corpus/real/test122 corpus/real/test123 corpus/real/test124 corpus/real/test125 corpus/real/test126 corpus/real/test127 corpus/real/test128 corpus/real/test129 corpus/real/test130 corpus/real/test131 corpus/real/test132 corpus/real/test133 corpus/real/test134 corpus/real/test135 corpus/real/test136 corpus/real/test137 corpus/real/test138 corpus/real/test139 corpus/real/test140 corpus/real/test141 corpus/real/test142 corpus/real/test143 corpus/real/test144 corpus/real/test145 corpus/real/test146 corpus/real/test147 corpus/real/test148 corpus/real/test149 corpus/real/test150 corpus/real/test151 corpus/real/test152 corpus/real/test153 corpus/real/test154 corpus/real/test155 corpus/real/test156 corpus/real/test157 corpus/real/test158 corpus/real/test159 corpus/real/test160 corpus/real/test161 corpus/real/test162 corpus/real/test163 corpus/real/test164 corpus/real/test165 corpus/real/test166 corpus/real/test167 corpus/real/test168 corpus/real/test169 corpus/real/test170 corpus/real/test171 corpus/real/test172 corpus/real/test173 corpus/real/test174 corpus/real/test175 corpus/real/test176 corpus/real/test177 corpus/real/test178 corpus/real/test179 corpus/real/test180 corpus/real/test181 corpus/real/test182 corpus/real/test183 corpus/real/test184 corpus/real/test185 corpus/real/test186 corpus/real/test187 corpus/real/test188 corpus/real/test189 corpus/real/test190 corpus/real/test191 corpus/real/test192 corpus/real/test193 corpus/real/test194 corpus/real/test195 corpus/real/test196 corpus/real/test197 corpus/real/test198 corpus/real/test199 corpus/real/test200 corpus/real/test201 corpus/real/test202 corpus/real/test203 corpus/real/test204 corpus/real/test205 corpus/real/test206 corpus/real/test207 corpus/real/test208 corpus/real/test209 corpus/real/test210 corpus/real/test211 corpus/real/test212 corpus/real/test213 corpus/real/test214 corpus/real/test215 corpus/real/test216 corpus/real/test217 corpus/real/test218 corpus/real/test219 corpus/real/test220 corpus/real/test221 corpus/real/test222 corpus/real/test223 corpus/real/test224 corpus/real/test225 corpus/real/test226 corpus/real/test227 corpus/real/test228 corpus/real/test229 corpus/real/test230 corpus/real/test231 corpus/real/test232 corpus/real/test233 corpus/real/test234 corpus/real/test235 corpus/real/test236 corpus/real/test237 corpus/real/test238 corpus/real/test239 corpus/real/test240 corpus/real/test241 corpus/real/test242 corpus/real/test243 corpus/real/test244 corpus/real/test245 corpus/real/test246 corpus/real/test247 corpus/real/test248 corpus/real/test249 corpus/real/test250 corpus/real/test251 corpus/real/test252 corpus/real/test253 corpus/real/test254 corpus/real/test255 corpus/real/test256 corpus/real/test257 corpus/real/test258 corpus/real/test259 corpus/real/test260 corpus/real/test261 corpus/real/test262 corpus/real/test263 corpus/real/test264 corpus/real/test265 corpus/real/test266 corpus/real/test267 corpus/real/test268 corpus/real/test269 corpus/real/test270 corpus/real/test271 corpus/real/test272 corpus/real/test273 corpus/real/test274 corpus/real/test275 corpus/real/test276 corpus/real/test277 corpus/real/test278 corpus/real/test279 corpus/real/test280 corpus/real/test281 corpus/real/test282 corpus/real/test283 corpus/real/test284 corpus/real/test285 corpus/real/test286 corpus/real/test287 corpus/real/test288 corpus/real/test289 corpus/real/test290 corpus/real/test291 corpus/real/test292 corpus/real/test293 corpus/real/test294 corpus/real/test295 corpus/real/test296 corpus/real/test297 corpus/real/test298 corpus/real/test299 corpus/real/test300 corpus/real/test301 corpus/real/test302 corpus/real/test303 corpus/real/test304 corpus/real/test305 corpus/real/test306 corpus/real/test307 corpus/real/test308 corpus/real/test309 corpus/real/test310 corpus/real/test311 corpus/real/test312 corpus/real/test313 corpus/real/test314 corpus/real/test315 corpus/real/test316 corpus/real/test317 corpus/real/test318 corpus/real/test319 corpus/real/test320 corpus/real/test321 corpus/real/test322 corpus/real/test323 corpus/real/test324 corpus/real/test325 corpus/real/test326 corpus/real/test327 corpus/real/test328 corpus/real/test329 corpus/real/test330 corpus/real/test331 corpus/real/test332 corpus/real/test333 corpus/real/test334 corpus/real/test335 corpus/real/test336 corpus/real/test337 corpus/real/test338 corpus/real/test339 corpus/real/test340 corpus/real/test341 corpus/real/test342 corpus/real/test343 corpus/real/test344 corpus/real/test345 corpus/real/test346 corpus/real/test347 corpus/real/test348 corpus/real/test349 corpus/real/test350 corpus/real/test351 corpus/real/test352 corpus/real/test353 corpus/real/test354 corpus/real/test355 corpus/real/test356 corpus/real/test357 corpus/real/test358 corpus/real/test359 corpus/real/test360 corpus/real/test361 corpus/real/test362 corpus/real/test363 corpus/real/test364 corpus/real/test365 corpus/real/test366 corpus/real/test367 corpus/real/test368 corpus/real/test369 corpus/real/test370 corpus/real/test371 corpus/real/test372 corpus/real/test373 corpus/real/test374 corpus/real/test375 corpus/real/test376 corpus/real/test377 corpus/real/test378 corpus/real/test379 corpus/real/test380 corpus/real/test381 corpus/real/test382 corpus/real/test383 corpus/real/test384 corpus/real/test385 corpus/real/test386
ARTICLE ?= corpus/002_c1d2f2ebb72fd105.txt
FUZZ_SECONDS ?= 120
FUZZ_COUNT ?=

.PHONY: install check gate test eval batch report bench serve fuzz clean

install: $(STAMP) $(PYC)

$(STAMP): pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -e ".[dev]"
	@touch $(STAMP)

# bytecode, as a wheel install writes it, and again after any source edit: an editable install
# (or PYTHONDONTWRITEBYTECODE) would otherwise compile every module from source at each cold start
$(PYC): $(STAMP) $(wildcard factcheck/*.py factcheck/*/*.py)
	$(BIN)/python -m compileall -q factcheck
	@touch $(PYC)

check: install
	$(BIN)/factcheck check $(ARTICLES) --references references --format json,markdown --output reports/ --fail-on never

gate: install
	$(BIN)/factcheck check $(ARTICLES) --references references --format json,markdown --output reports/ --fail-on error

test: install
	$(BIN)/python -m pytest

eval: install
	$(BIN)/factcheck eval --quiet
	@# public Chinese number test suites (WeTextProcessing, cn2an, NeMo): see tests/suites/README.md
	@echo "== public number suites: pass rate of the in-scope cases (tests/suites/README.md) =="
	$(BIN)/python tests/suites/run.py --min-rate 0.95
	@# each held-out set's README has its blind first run and what was fixed against it since;
	@# the newest set is the honest measure
	@for d in $(HELDOUT); do \
	  echo "== $$d: written blind to the code (see $$d/README.md) =="; \
	  $(BIN)/factcheck eval --gold $$d --what mentions,verdicts,overstatements --quiet || exit 1; \
	done
	@# the real corpus: published pages about studies outside references/, each checked as
	@# `factcheck check ARTICLE --paper ABSTRACT`; test is the blind part (see its README)
	@for d in $(REAL); do \
	  echo "== $$d: real articles, each checked against its paper's abstract (see corpus/real/README.md) =="; \
	  $(BIN)/factcheck eval --gold $$d --what verdicts,overstatements --quiet || exit 1; \
	done

# --resume: a second `make batch` finishes an interrupted run (or rebuilds the tables) instead of
# refusing the folder; `make clean` first to check everything again.
batch: install
	$(BIN)/factcheck batch $(ARCHIVE) --out batch-out --html --xlsx --resume

report: install
	@mkdir -p reports
	$(BIN)/factcheck check $(ARTICLE) --format html --output reports/ --fail-on never

bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/serve_load.py --clients 20 --seconds 30

serve: install
	$(BIN)/factcheck serve --references references

fuzz: install
	$(BIN)/python tests/fuzz/run.py $(if $(FUZZ_COUNT),--count $(FUZZ_COUNT),--seconds $(FUZZ_SECONDS))

clean:
	rm -rf reports batch-out .pytest_cache
