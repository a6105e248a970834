# Conflicting Accounts: course tasks.  `make help` lists them.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON    ?= python3
VENV      := .venv
PY        := $(VENV)/bin/python
STAMP     := $(VENV)/.installed
COURSE    ?= notebooks
WORKSPACE ?= workspace
LAB_PORT  ?= 8888
DEMO_PORT ?= 8866
# To choose the access token, give it in the environment: TOKEN=... make lab
# (on make's command line, `make lab TOKEN=...`, any user could read it with ps).
# Otherwise a random one is made.
TOKEN     ?=
# Extra pytest arguments, e.g. make test PYTEST_ARGS='-x -k workspace'
PYTEST_ARGS ?=

# Jupyter refuses to run as root unless told to; only then do we tell it.
ROOT_FLAG := $(if $(filter 0,$(shell id -u)),--allow-root,)

# Shell snippets shared by lab, demo and annotate: the access token in
# JUPYTER_TOKEN (TOKEN if given, else a random one), and the first free port on
# 127.0.0.1 from the one given.  TOKEN reaches the shell only through the
# environment (CLAIMLAB_TOKEN, exported below), so quotes in it are just
# characters; and the token is handed to the server in the environment, never
# on a command line, where any user of the machine could read it with `ps`.
MAKE_TOKEN = JUPYTER_TOKEN="$$CLAIMLAB_TOKEN"; [ -n "$$JUPYTER_TOKEN" ] || JUPYTER_TOKEN=$$($(PY) -c 'import secrets; print(secrets.token_hex(24))'); export JUPYTER_TOKEN
# --no-browser when Python finds no web browser to open (no display): the
# server would otherwise warn "No web browser found".
NO_BROWSER = browser=; $(PY) -c 'import webbrowser; webbrowser.get()' 2>/dev/null || browser=--no-browser
# Course settings for Jupyter and Voila (jupyter-config/: no news or update
# popup, kernels on private sockets), added to the user's own configuration.
JUPYTER_CONFIG = export JUPYTER_CONFIG_PATH="$(CURDIR)/jupyter-config$${JUPYTER_CONFIG_PATH:+:$$JUPYTER_CONFIG_PATH}"
FREE_PORT  = $(PY) -c 'import socket, sys; b = int(sys.argv[1]); print(next(p for p in range(b, b + 100) if socket.socket().connect_ex(("127.0.0.1", p)) != 0))'

.PHONY: help install lab test demo annotate restore clean distclean

help:
	@echo "make lab                 open the course in JupyterLab (your copies live in $(WORKSPACE)/)"
	@echo "make test                run the tests and every course notebook"
	@echo "make demo [DIR=folder]   the demo notebook as a web app (Voila), on the course's articles or on folder"
	@echo "make annotate DIR=folder draft the articles in folder, then correct the draft in the browser (Voila)"
	@echo "make restore LESSON=NN   put the course version of lesson NN back; your copy goes to $(WORKSPACE)/backups/"
	@echo "make install             create $(VENV)/ and install everything (the others do this first)"
	@echo "make clean               remove caches and build output (keeps $(VENV)/ and $(WORKSPACE)/)"
	@echo "make distclean           clean, and remove $(VENV)/ too (still keeps $(WORKSPACE)/)"

install: $(STAMP)

# Re-runs only when pyproject.toml changes (or the venv is gone).
$(STAMP): pyproject.toml
	@if [ ! -x $(VENV)/bin/pip ]; then \
	  $(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	    { echo "make install: needs Python 3.11 or newer as $(PYTHON); try: make install PYTHON=python3.11" >&2; exit 1; }; \
	  rm -rf $(VENV); \
	  $(PYTHON) -m venv $(VENV) || \
	    { echo "make install: could not create $(VENV)/ (on Debian or Ubuntu: sudo apt-get install python3-venv)" >&2; exit 1; }; \
	fi
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --progress-bar off -e '.[test]'
	@touch $@

lab: export CLAIMLAB_TOKEN := $(TOKEN)
lab: install
	$(PY) -m claimlab.workspace sync --course $(COURSE) --workspace $(WORKSPACE)
	@$(MAKE_TOKEN); $(JUPYTER_CONFIG); \
	port=$$($(FREE_PORT) $(LAB_PORT)); \
	start=; [ -f $(WORKSPACE)/01_start_here.ipynb ] && start=01_start_here.ipynb; \
	$(NO_BROWSER); \
	export PATH="$(abspath $(VENV))/bin:$$PATH"; \
	cd $(WORKSPACE) && exec python -m claimlab.serve --port $$port --label JupyterLab \
	  --url "http://127.0.0.1:$$port/lab/tree/$$start" --token-env JUPYTER_TOKEN \
	  -- jupyter lab $$start --ip=127.0.0.1 --port=$$port --ServerApp.port_retries=0 $$browser $(ROOT_FLAG)

test: install
	$(PY) -m pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg $(PYTEST_ARGS)

# Voila's own server has no root check and no --allow-root option, so
# ROOT_FLAG is not passed here.
# DIR (optional) reaches the demo notebook through the environment.
# Voila takes the token from JUPYTER_TOKEN only with --Voila.auto_token=True
# (without it and without --token it would serve with no token at all).
demo: export CLAIMLAB_DEMO_DIR := $(DIR)
demo: export CLAIMLAB_TOKEN := $(TOKEN)
demo: install
	@test -f $(COURSE)/demo.ipynb || { echo "$(COURSE)/demo.ipynb does not exist yet"; exit 1; }
	@$(MAKE_TOKEN); $(JUPYTER_CONFIG); $(NO_BROWSER); \
	port=$$($(FREE_PORT) $(DEMO_PORT)); \
	exec $(PY) -m claimlab.serve --port $$port --label Demo --url "http://127.0.0.1:$$port/" --token-env JUPYTER_TOKEN \
	  -- $(VENV)/bin/voila $(COURSE)/demo.ipynb --Voila.ip=127.0.0.1 --port=$$port --Voila.auto_token=True $$browser

# DIR reaches the shell only through the environment, never spliced into the
# command line, so a folder name with quotes or spaces is safe.
annotate: export CLAIMLAB_DIR := $(DIR)
annotate: export CLAIMLAB_TOKEN := $(TOKEN)
annotate: install
	@test -n "$$CLAIMLAB_DIR" || { echo "usage: make annotate DIR=path/to/folder   (a folder of .txt articles)"; exit 2; }
	@$(PY) -m claimlab draft "$$CLAIMLAB_DIR" || [ $$? -eq 1 ]
	@$(MAKE_TOKEN); $(JUPYTER_CONFIG); $(NO_BROWSER); \
	port=$$($(FREE_PORT) $(DEMO_PORT)); \
	nb=$$(mktemp -d)/annotate.ipynb; \
	$(PY) -m claimlab.annotate notebook "$$CLAIMLAB_DIR" "$$nb" >/dev/null || exit 2; \
	exec $(PY) -m claimlab.serve --port $$port --label Annotator --url "http://127.0.0.1:$$port/" --token-env JUPYTER_TOKEN \
	  -- $(VENV)/bin/voila "$$nb" --Voila.ip=127.0.0.1 --port=$$port --Voila.auto_token=True $$browser

# LESSON reaches the shell only through the environment (as DIR for annotate).
restore: export CLAIMLAB_LESSON := $(LESSON)
restore: install
	@test -n "$$CLAIMLAB_LESSON" || { echo "usage: make restore LESSON=NN   (for example: make restore LESSON=03)"; exit 2; }
	@$(PY) -m claimlab.workspace restore "$$CLAIMLAB_LESSON" --course $(COURSE) --workspace $(WORKSPACE)

clean:
	rm -rf build dist .pytest_cache screenshots lib/*.egg-info
	find . -path ./$(VENV) -prune -o -path ./$(WORKSPACE) -prune -o \
	  \( -name __pycache__ -o -name .ipynb_checkpoints \) -type d -print0 | xargs -0 rm -rf

distclean: clean
	rm -rf $(VENV)
