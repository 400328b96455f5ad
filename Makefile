# Two commands on a fresh machine: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.terpasang
HOST ?= 127.0.0.1
PORT ?= 8000
MANAGE := DJANGO_SETTINGS_MODULE=config.settings.dev $(BIN)/python manage.py

.PHONY: run test install prasyarat migrate demo ci migrations-check lint format clean

# System libraries first: one `apt-get install` line instead of a traceback.
prasyarat:
	@$(PYTHON) scripts/periksa_prasyarat.py

$(STAMP): pyproject.toml | prasyarat
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: prasyarat $(STAMP)

migrate: install
	$(MANAGE) migrate --noinput

demo: migrate
	$(MANAGE) loaddata referensi lke_permenpanrb_88_2021
	$(MANAGE) muat_dataset fixtures/demo/*.json
	$(MANAGE) buat_pengguna_demo

run: demo
	@echo "SAKIP Kinerja berjalan di http://$(HOST):$(PORT)/"
	$(MANAGE) runserver $(HOST):$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

migrations-check: install
	$(MANAGE) makemigrations --check --dry-run

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) db.sqlite3 var staticfiles .pytest_cache .ruff_cache .hypothesis
