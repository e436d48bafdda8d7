# Everything a learner or a teacher types starts here:
#   make lab    set up (first time only) and open JupyterLab on the first lesson
#   make test   set up (first time only) and run every test
# Other targets: make app, make exercises, make bench, make doctor, make clean.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTED := $(VENV)/.installed-test
HOST   := 127.0.0.1
PORT   ?= 8888
# Jupyter refuses to run as root unless told; only then is the flag added.
ROOT_OK := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test app exercises bench doctor clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "This kit needs Python 3.11 or newer; you have " + sys.version.split()[0] + ". Install a newer Python, then run make again.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@mkdir -p $(VENV)/share/jupyter/lab/settings
	@cp jupyter/overrides.json $(VENV)/share/jupyter/lab/settings/overrides.json
	@touch $@

# JupyterLab's own default_url (/lab, the Launcher) wins over ServerApp.default_url, so the
# first lesson is set on LabApp: both the page it opens and the URL it prints lead there.
# LAB_ARGS=... adds options (the tests add --no-browser and a token).
FIRST_LESSON := /lab/tree/notebooks/00-start-here.ipynb
lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.ip=$(HOST) --ServerApp.port=$(PORT) \
	    --ServerApp.root_dir="$(CURDIR)" --LabApp.news_url=None \
	    --LabApp.default_url=$(FIRST_LESSON) $(ROOT_OK) $(LAB_ARGS)

$(TESTED): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

# The browser tests drive an installed Chromium or Chrome. As root on Debian a missing one is
# installed from the distribution (apt-get); elsewhere those tests fail with the command that fixes it.
test: $(TESTED)
	$(BIN)/python tests/find_browser.py --install
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# The app asks for a token, as JupyterLab does: open the URL it prints. APP_TOKEN=... chooses it.
app: $(TESTED)
	@token=$${APP_TOKEN:-$$($(BIN)/python -c 'import secrets; print(secrets.token_hex(16))')}; \
	echo "Open http://$(HOST):$(PORT)/?token=$$token"; \
	exec $(BIN)/voila notebooks/05-explorer.ipynb --Voila.ip=$(HOST) --port=$(PORT) --no-browser \
	    --Voila.token=$$token

exercises: $(STAMP)
	$(BIN)/python -m helpers.exercises build

bench: $(TESTED)
	$(BIN)/python -m benchmarks

doctor: $(STAMP)
	$(BIN)/python -m helpers doctor

clean:
	rm -rf $(VENV) .pytest_cache
