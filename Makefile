# Two commands a newcomer needs: `make demo` and `make test`. Both create the venv when missing.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp

.PHONY: demo test lint venv messages

venv: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(PY) manage.py migrate --noinput
	$(PY) manage.py createcachetable
	$(PY) manage.py load_areas
	$(PY) manage.py demo --size small
	$(PY) manage.py runserver 127.0.0.1:8000

test: $(STAMP)
	$(PY) -m pytest -n 2 --create-db

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/mypy kongtun
	$(VENV)/bin/lint-imports

# Gather translatable strings of every app into its own locale/th/LC_MESSAGES/django.po and compile
# them. Needs GNU gettext (apt-get install gettext); compiled .mo files are committed.
APPS := $(patsubst kongtun/%/apps.py,%,$(wildcard kongtun/*/apps.py))
messages: $(STAMP)
	for app in $(APPS); do \
	  mkdir -p kongtun/$$app/locale && \
	  (cd kongtun/$$app && DJANGO_SETTINGS_MODULE=kongtun.settings PYTHONPATH=../.. ../../$(VENV)/bin/django-admin makemessages -l th --no-location --no-obsolete -v0) ; \
	done
	for app in $(APPS); do \
	  (cd kongtun/$$app && DJANGO_SETTINGS_MODULE=kongtun.settings PYTHONPATH=../.. ../../$(VENV)/bin/django-admin compilemessages -v0) ; \
	done
