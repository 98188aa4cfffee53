# regionpolicy — PGXS build.
#
#   make test    install what is missing, build (warnings are errors), install,
#                and run every suite in a throwaway cluster
#   make demo    the same set-up, then a scripted tour in a throwaway cluster
#
# META.json holds the version; everything else is derived from it.

EXTENSION   = regionpolicy
EXTVERSION  = $(shell sed -n 's/^  "version": "\([^"]*\)",$$/\1/p' META.json)
PG_CONFIG  ?= $(firstword $(wildcard /usr/lib/postgresql/15/bin/pg_config) pg_config)

MODULE_big  = $(EXTENSION)
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/*.c)))
DATA_built  = sql/$(EXTENSION)--$(EXTVERSION).sql
DATA        = $(wildcard sql/$(EXTENSION)--*--*.sql)
REGRESS     = $(patsubst sql/%.sql,%,$(filter-out sql/$(EXTENSION)--%,$(sort $(wildcard sql/*.sql))))
REGRESS_OPTS = --inputdir=. --dbname=regionpolicy_regress
EXTRA_CLEAN = results/ regression.diffs regression.out

# Without the server headers (a fresh machine) only deps/test/demo work;
# they install the headers and re-enter make.
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
endif

# The install script is the concatenation of sql/install/*.sql, in order.
sql/$(EXTENSION)--$(EXTVERSION).sql: $(sort $(wildcard sql/install/*.sql)) META.json
	cat $(sort $(wildcard sql/install/*.sql)) > $@

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VENV := pg_virtualenv -t -v 15

.PHONY: deps build-install test demo

deps:
	@.ci/deps

# A clean build with -Werror, so a warning fails the run.
build-install: deps
	$(MAKE) --no-print-directory PG_CONFIG=$(PG_CONFIG) clean >/dev/null
	$(MAKE) --no-print-directory PG_CONFIG=$(PG_CONFIG) COPT='-Werror'
	$(SUDO) $(MAKE) --no-print-directory PG_CONFIG=$(PG_CONFIG) install >/dev/null

# The summary is printed again after the cluster is dropped, so that the
# run ends with "N passed, M failed".
test: build-install
	@rm -f .test-result
	@RESULT_FILE=$(CURDIR)/.test-result $(VENV) test/run; status=$$?; \
	cat .test-result 2>/dev/null || echo "0 passed, 1 failed"; rm -f .test-result; exit $$status

demo: build-install
	$(VENV) psql -X -v ON_ERROR_STOP=1 -q -f doc/demo.sql
