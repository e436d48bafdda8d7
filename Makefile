# Everything a learner or a teacher types starts here:
#   make lab    set up (first time only) and open JupyterLab on the first lesson
#   make test   set up (first time only) and run every test
# Other targets: make app, make exercises, make bench, make doctor, make clean,
#   make new-article TEXT=path/report.txt [NAME=name]   add a report and draft its bundle.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
TESTED := $(VENV)/.installed-test
HOST   := 127.0.0.1
PORT   ?= 8888
# Jupyter refuses to run as root unless told; only then is the flag added.
ROOT_OK := $(if $(filter 0,$(shell id -u)),--allow-root)

.PHONY: lab test app exercises bench doctor new-article clean

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "This kit needs Python 3.11 or newer; you have " + sys.version.split()[0] + ". Install a newer Python, then run make again.")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	@touch $@

# JupyterLab settings of the kit (no news, widget state saved with the notebook), copied
# again whenever jupyter/overrides.json changes.
SETTINGS := $(VENV)/share/jupyter/lab/settings/overrides.json
$(SETTINGS): jupyter/overrides.json $(STAMP)
	@mkdir -p $(dir $@)
	@cp jupyter/overrides.json $@

# JupyterLab's own default_url (/lab, the Launcher) wins over ServerApp.default_url, so the
# first lesson is set on LabApp: both the page it opens and the URL it prints lead there.
# LAB_ARGS=... adds options (the tests add --no-browser and a token).
FIRST_LESSON := /lab/tree/notebooks/00-start-here.ipynb
lab: $(STAMP) $(SETTINGS)
	$(BIN)/jupyter lab --ServerApp.ip=$(HOST) --ServerApp.port=$(PORT) \
	    --ServerApp.root_dir="$(CURDIR)" --LabApp.news_url=None \
	    --LabApp.default_url=$(FIRST_LESSON) $(ROOT_OK) $(LAB_ARGS)

$(TESTED): $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test]"
	@touch $@

# The browser tests drive an installed Chromium or Chrome. As root on Debian a missing one is
# installed from the distribution (apt-get); elsewhere those tests fail with the command that fixes it.
test: $(TESTED) $(SETTINGS)
	$(BIN)/python tests/find_browser.py --install
	$(BIN)/python -m pytest -n 2 $(PYTEST_ARGS)

# The app asks for a token, as JupyterLab does: open the URL it prints. APP_TOKEN=... chooses it.
# Like JupyterLab it answers only requests addressed to this computer (127.0.0.1, localhost): a page
# of another site cannot reach it through DNS rebinding (jupyter/voila.json, which Voilà reads there).
# Its page is the kit's template (jupyter/voila/templates/kit: Voilà's, asking no other host);
# cells tagged lab-only (text about JupyterLab, links to other notebooks) are left out.
app: $(TESTED)
	@token=$${APP_TOKEN:-$$($(BIN)/python -c 'import secrets; print(secrets.token_hex(16))')}; \
	echo "Open http://$(HOST):$(PORT)/?token=$$token"; \
	export JUPYTER_PATH="$(CURDIR)/jupyter$${JUPYTER_PATH:+:$$JUPYTER_PATH}"; \
	exec $(BIN)/voila notebooks/05-explorer.ipynb --Voila.ip=$(HOST) --port=$(PORT) --no-browser \
	    --Voila.token=$$token --Voila.config_file_paths="$(CURDIR)/jupyter" --template=kit --TagRemovePreprocessor.remove_cell_tags=lab-only

exercises: $(STAMP)
	$(BIN)/python -m helpers.exercises build

bench: $(TESTED)
	$(BIN)/python -m benchmarks

doctor: $(STAMP)
	$(BIN)/python -m helpers doctor

# NAME counts only when given on the command line: some systems set NAME in the environment.
new-article: $(STAMP)
	@test -n "$(TEXT)" || { echo "usage: make new-article TEXT=path/report.txt [NAME=name]"; exit 1; }
	$(BIN)/python -m helpers new-article "$(TEXT)" $(if $(filter command line,$(origin NAME)),--name "$(NAME)")

clean:
	rm -rf $(VENV) .pytest_cache
