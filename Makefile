# The few commands a person runs. `make run` sets up and serves the portal for development;
# `make serve` serves it in production; `make test` sets up and runs every check. They need only
# make and a Python >= 3.12.

PORT ?= 8000
# Test processes: one per core. Each takes the next test when it is free (a module's content is
# then loaded once in each process that runs one of its tests, a few seconds, against minutes of
# idle cores when whole files are dealt out). TEST_WORKERS=0 runs the tests in this process.
TEST_WORKERS ?= auto
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

# The first Python >= 3.12 found: PYTHON=… wins, then the usual names on PATH, then pyenv's
# installed versions (whose shims fail unless PYENV_VERSION names them).
PYTHON ?= $(shell \
	for candidate in python3.14 python3.13 python3.12 python3 python; do \
		if $$candidate -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
			command -v $$candidate; exit 0; \
		fi; \
	done; \
	if command -v pyenv >/dev/null 2>&1; then \
		for version in $$(pyenv versions --bare 2>/dev/null | sort -rV); do \
			candidate="$$(pyenv root)/versions/$$version/bin/python3"; \
			if "$$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 12))' >/dev/null 2>&1; then \
				echo "$$candidate"; exit 0; \
			fi; \
		done; \
	fi)

# Tests run with debug off, as production does, on a throw-away key.
TEST_ENV := DJANGO_DEBUG=false \
	DJANGO_SECRET_KEY=test-only-$(shell date +%s%N) \
	DJANGO_ALLOWED_HOSTS=testserver,localhost,127.0.0.1 \
	DJANGO_SECURE_SSL_REDIRECT=false

.PHONY: run serve test install lint format messages clean backup restore bench bench-logins

$(STAMP): pyproject.toml
	@if [ -z "$(PYTHON)" ]; then \
		echo "No Python >= 3.12 found. Install one, or name it: make PYTHON=/path/to/python3.12 …" >&2; \
		exit 1; \
	fi
	@echo "Using $(PYTHON)"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet --editable ".[dev]"
	touch $(STAMP)

install: $(STAMP)

# The background tasks' worker (large imports) runs beside the development server and stops with it.
run: $(STAMP)
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=true $(BIN)/python manage.py load_content
	DJANGO_DEBUG=true $(BIN)/python manage.py db_worker & worker=$$!; \
		trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
		DJANGO_DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

# Production: the environment is checked first (each missing variable is named), then the
# database is migrated, the static files collected, and gunicorn serves with the settings in
# regionportal/gunicorn.conf.py (WEB_CONCURRENCY, PORT, BIND). A service manager starts gunicorn
# itself instead (README): a SIGHUP sent to make would not reach gunicorn.
serve: $(STAMP)
	$(BIN)/python -m regionportal.environment
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput --verbosity 0
	exec $(BIN)/gunicorn --config regionportal/gunicorn.conf.py

# The tests serve the static files as production does (hashed and compressed by collectstatic,
# which takes about 20 s): collected again only when a source of them changed.
STATIC_STAMP := staticfiles/.collected
$(STATIC_STAMP): $(STAMP) regionportal/settings.py $(shell find static -type f 2>/dev/null)
	$(TEST_ENV) $(BIN)/python manage.py collectstatic --noinput --verbosity 0
	touch $@

test: $(STAMP) $(STATIC_STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(TEST_ENV) $(BIN)/python -m pytest --create-db --numprocesses $(TEST_WORKERS) --dist worksteal \
		$(PYTEST_ARGS)

# Both use the environment's settings, as the portal does (DJANGO_DEBUG=true on a developer's
# machine). `make restore FILE=backups/….zip` asks before it replaces anything; NOINPUT=1 does not.
backup: $(STAMP)
	$(BIN)/python manage.py backup

restore: $(STAMP)
	@if [ -z "$(FILE)" ]; then \
		echo "Name the backup to restore: make restore FILE=backups/regionportal-….zip" >&2; \
		exit 1; \
	fi
	$(BIN)/python manage.py restore $(if $(NOINPUT),--noinput) "$(FILE)"

# Every page kind under load (wrk) beside a Django hello-world, at the loaded content and at
# 10,000 and 100,000 generated projects, on SQLite and on PostgreSQL when DATABASE_URL names it;
# prints a table, writes tests/benchmarks/results/latest.json and says which of the targets are
# met (tests/benchmarks/bench.py). A quick run: make bench BENCH_SIZES=content BENCH_SECONDS=2.
# Debian's wrk is installed here if missing, as .ci/run installs Chromium: `make test` needs none.
BENCH_SIZES ?= content,10000,100000
BENCH_PAGES ?=
BENCH_SECONDS ?= 5
bench: $(STAMP)
	@if ! command -v wrk >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	fi
	$(BIN)/python tests/benchmarks/bench.py --sizes $(BENCH_SIZES) --seconds $(BENCH_SECONDS) \
		$(if $(BENCH_PAGES),--pages $(BENCH_PAGES))

# Public pages' latency alone and with 8 password guessers (prints figures; takes a few minutes).
bench-logins: $(STAMP)
	$(BIN)/python tests/benchmarks/login_guessers.py

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# Needs GNU gettext; the compiled .mo files are committed so that `make run` does not.
# The second run takes the wording of the admin's scripts (the selector of filter_horizontal, the
# calendar) from Django's own files into the portal's djangojs catalogue, which the admin's jsi18n
# serves over Django's: makemessages reads only the files under the directory it runs in.
messages: $(STAMP)
	DJANGO_DEBUG=true $(BIN)/python manage.py makemessages --locale sl --locale en \
		--ignore '.venv/*' --ignore 'staticfiles/*' --no-obsolete
	cd "$$($(BIN)/python -c 'import django.contrib.admin as a, os; print(os.path.dirname(a.__file__))')/static/admin/js" \
		&& DJANGO_DEBUG=true $(CURDIR)/$(BIN)/python $(CURDIR)/manage.py makemessages --domain djangojs \
		--locale sl --ignore 'vendor/*' --no-obsolete
	DJANGO_DEBUG=true $(BIN)/python manage.py compilemessages --ignore '.venv/*'

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
