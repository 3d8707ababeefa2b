# The two commands of the README. Both set up what a fresh machine lacks, then run.
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: serve test setup

serve:
	bash scripts/setup.sh run
	.venv/bin/geomap serve --init --host $(HOST) --port $(PORT)

test:
	bash scripts/setup.sh test
	.venv/bin/python -m pytest $(PYTEST_ARGS)
