# regionpolicy — PGXS build.
#
#   make test    install what is missing, build (warnings are errors), install,
#                and run every suite in a throwaway cluster
#   make demo    the same set-up, then a scripted tour in a throwaway cluster
#
# META.json holds the version; everything else is derived from it.

# Two extensions from one tree: funding (the type) and regionpolicy (the
# schema, which requires funding).
EXTENSION   = funding regionpolicy
# The distribution, the Debian source package and the PGXN zip: regionpolicy.
DISTNAME    = regionpolicy
EXTVERSION  = $(shell sed -n 's/^  "version": "\([^"]*\)",$$/\1/p' META.json)
# The PostgreSQL to build against: PG_MAJOR=NN picks /usr/lib/postgresql/NN;
# else PG_CONFIG if given; else the newest major installed, or pg_config on
# the PATH; on a machine with no PostgreSQL yet, the distribution's default
# major (which make deps then installs).
ifdef PG_MAJOR
PG_CONFIG  ?= /usr/lib/postgresql/$(PG_MAJOR)/bin/pg_config
else
PG_CONFIG  ?= $(or $(lastword $(sort $(wildcard /usr/lib/postgresql/[1-9][0-9]/bin/pg_config))),$(shell command -v pg_config))
PG_MAJOR   := $(shell $(PG_CONFIG) --version 2>/dev/null | sed -n 's/^PostgreSQL \([0-9]*\).*/\1/p')
ifeq ($(PG_MAJOR),)
PG_MAJOR   := $(shell apt-cache show --no-all-versions postgresql 2>/dev/null | sed -n 's/^Depends:.*postgresql-\([0-9][0-9]*\).*/\1/p')
PG_CONFIG  := /usr/lib/postgresql/$(PG_MAJOR)/bin/pg_config
endif
endif

# Two libraries: funding (the type) and regionpolicy (what the schema does
# in C).  regionpolicy's library names funding's as a dependency (found
# beside it), so that a database of regionpolicy 1.x, whose type functions
# name $libdir/regionpolicy, keeps working with these libraries until it
# moves to 2.0 (doc/regionpolicy.md, "Moving from 1.x").  Only the fmgr
# entry points are exported (src/funding/export.h marks them).
MODULE_big  = funding
OBJS        = $(patsubst %.c,%.o,$(sort $(wildcard src/funding/*.c)))
RP_OBJS     = $(patsubst %.c,%.o,$(sort $(wildcard src/regionpolicy/*.c)))
PG_CPPFLAGS = -Isrc/funding -DFUNDING_NLS
PG_CFLAGS   = -fvisibility=hidden
# Install and upgrade scripts.  The current version's are made from the
# sources by subject (sql/funding/*.sql, sql/regionpolicy/*.sql, in order)
# and committed as they load, so that each release's scripts stay frozen
# when the next one's are made; test/05_meta.sh checks that they are what
# the sources make.  The shipped reference rows are data files
# (sql/data/*.tsv), installed without their comment lines as
# regionpolicy_NAME.data and loaded by COPY.  Versions 1.x of regionpolicy
# held the type themselves: their auxiliary control files say they
# require nothing.
FUNDING_PARTS = $(sort $(wildcard sql/funding/*.sql))
RP_PARTS      = $(sort $(wildcard sql/regionpolicy/*.sql))
MADE_SCRIPTS  = sql/funding--$(EXTVERSION).sql sql/regionpolicy--$(EXTVERSION).sql \
	sql/funding--1.3.0--$(EXTVERSION).sql sql/regionpolicy--1.3.0--$(EXTVERSION).sql
REFERENCE_DATA = $(patsubst sql/data/%.tsv,build/data/regionpolicy_%.data,$(sort $(wildcard sql/data/*.tsv)))
DATA        = $(sort $(wildcard sql/funding--*.sql sql/regionpolicy--*.sql) $(MADE_SCRIPTS)) \
	$(wildcard sql/regionpolicy--*.control)
DATA_built  = $(REFERENCE_DATA)
# pg_regress: inputs in test/sql, expected output in expected/ (found in
# the output directory, or through --expecteddir from PostgreSQL 16 on).
# make installcheck (test/run) runs the pg_regress and isolation specs
# (installcheck-regress) and the pgTAP suites (pg_prove) against the
# installed extensions and the server the PG* variables point to: the
# inner loop, under a minute.  make installcheck-all adds the shell suites
# (dump and restore, upgrades, encodings, planted look-alikes, concurrency,
# packaging, documented examples); make test and CI run that.  A suite
# whose tool is not installed is skipped with a note, except under
# REGIONPOLICY_STRICT=1 (make test, CI), where it fails.
NO_INSTALLCHECK = 1
REGRESS     = $(patsubst test/sql/%.sql,%,$(sort $(wildcard test/sql/*.sql)))
REGRESS_OPTS = --inputdir=test --dbname=regionpolicy_regress $(if $(filter 13 14 15,$(PG_MAJOR)),,--expecteddir=.)
# Concurrency: isolation specs (test/isolation/specs), run by installcheck
# too, where the server's development files ship pg_isolation_regress
# (Debian's do from PostgreSQL 14 on).
ISOLATION_TESTER = $(wildcard $(dir $(shell $(PG_CONFIG) --pgxs 2>/dev/null))../../src/test/isolation/pg_isolation_regress)
ifneq ($(ISOLATION_TESTER),)
ISOLATION   = $(patsubst test/isolation/specs/%.spec,%,$(sort $(wildcard test/isolation/specs/*.spec)))
ISOLATION_OPTS = --inputdir=test/isolation --dbname=regionpolicy_isolation --load-extension=funding --load-extension=regionpolicy
endif
EXTRA_CLEAN = regionpolicy$(DLSUFFIX) $(RP_OBJS) build/locale/ results/ regression.diffs regression.out fuzz/build/ output_iso/

# Without the server headers (a fresh machine) only deps/test/demo work;
# they install the headers and re-enter make.
PGXS := $(shell $(PG_CONFIG) --pgxs 2>/dev/null)
ifneq ($(wildcard $(PGXS)),)
include $(PGXS)
endif

all: $(MADE_SCRIPTS)
sql/funding--$(EXTVERSION).sql: $(FUNDING_PARTS)
	cat $^ >$@
sql/regionpolicy--$(EXTVERSION).sql: $(RP_PARTS)
	cat $^ >$@
# funding 1.3.0 (the type taken over from regionpolicy 1.3.0) to 2.0.0: every
# C function of the sources again, now in the funding library, and what is
# new in 2.0.0.
sql/funding--1.3.0--$(EXTVERSION).sql: sql/upgrade/funding--1.3.0.sql $(FUNDING_PARTS) sql/upgrade/funding--1.3.0-tail.sql Makefile
	{ cat sql/upgrade/funding--1.3.0.sql; cat $(FUNDING_PARTS) | perl -0777 -ne \
		'while (/^CREATE FUNCTION (.*?;)$$/msg) { my $$f = $$1; print "CREATE OR REPLACE FUNCTION $$f\n" if $$f =~ /MODULE_PATHNAME/ }'; \
	  cat sql/funding/06_dependents.sql sql/upgrade/funding--1.3.0-tail.sql; } >$@
# regionpolicy 1.3.0 to 2.0.0: the hand-written parts around what the
# sources mark as new or changed in 2.0.0 (between the lines "-- 2.0.0: …"
# and "-- end of 2.0.0"), in install order.
sql/regionpolicy--1.3.0--$(EXTVERSION).sql: sql/upgrade/regionpolicy--1.3.0.sql $(RP_PARTS) sql/upgrade/replace-functions.pl \
		sql/upgrade/regionpolicy--1.3.0-tail.sql Makefile
	{ cat sql/upgrade/regionpolicy--1.3.0.sql; \
	  perl -ne 'print if /^-- 2\.0\.0: / .. /^-- end of 2\.0\.0$$/' $(RP_PARTS); \
	  echo; echo '-- 2.0.0: the functions 1.3.0 had, with messages in the language lc_messages names'; \
	  perl sql/upgrade/replace-functions.pl 'message|with_particles' $(RP_PARTS); \
	  cat sql/upgrade/regionpolicy--1.3.0-tail.sql; } >$@
build/data/regionpolicy_%.data: sql/data/%.tsv
	@mkdir -p build/data
	sed '/^#/d' $< >$@

# The regionpolicy library, beside PGXS's rules for the funding one.
all: regionpolicy$(DLSUFFIX)
regionpolicy$(DLSUFFIX): $(RP_OBJS) funding$(DLSUFFIX)
	$(CC) $(CFLAGS) -shared $(RP_OBJS) $(LDFLAGS) $(LDFLAGS_SL) \
		-L. -Wl,--no-as-needed -l:funding$(DLSUFFIX) '-Wl,-rpath,$$ORIGIN' -o $@
$(RP_OBJS): $(wildcard src/regionpolicy/*.h src/funding/amount.h src/funding/export.h)
install: install-regionpolicy-lib
.PHONY: install-regionpolicy-lib
install-regionpolicy-lib: regionpolicy$(DLSUFFIX) installdirs
	$(INSTALL_SHLIB) regionpolicy$(DLSUFFIX) '$(DESTDIR)$(pkglibdir)/'
uninstall: uninstall-regionpolicy-lib
.PHONY: uninstall-regionpolicy-lib
uninstall-regionpolicy-lib:
	rm -f '$(DESTDIR)$(pkglibdir)/regionpolicy$(DLSUFFIX)'

# Messages in the user's language (doc/regionpolicy.md, "Messages"): a
# catalog per library, src/funding/po/ko.po and src/regionpolicy/po/ko.po,
# compiled to funding-NN.mo and regionpolicy-NN.mo (NN the PostgreSQL
# major, as PostgreSQL names its own) and installed where the server looks
# for its own, under lc_messages.  English is the messages as written.
# make update-po extracts them again (C by xgettext; the schema's, the
# first argument of message(...), by test/lib/sql-messages.pl) and merges
# them into the catalogs.  Without msgfmt the catalogs are not built and
# the messages stay English.
MSGFMT     ?= $(shell command -v msgfmt)
NLS_LANGUAGES = ko
NLS_DOMAINS = funding regionpolicy
NLS_MO     = $(foreach d,$(NLS_DOMAINS),$(foreach l,$(NLS_LANGUAGES),build/locale/$(l)/$(d).mo))
XGETTEXT_KEYWORDS = -k_ -kT_ -kgettext_noop -kerrmsg -kerrdetail -kerrhint -kerrcontext \
	-kGUC_check_errmsg -kGUC_check_errdetail -kGUC_check_errhint \
	-kscan_error_at:2 -kscan_hint:2 -kscan_syntax_error:2 -kscan_range_error:2 -kresolve_error:3 \
	-kstate_syntax_error:2 -kbad_json:2 -kapportion_error:1 -kstate_out_of_range \
	-kresult_out_of_range -kcomponent_overflow -kfunding_from_int128:3 -kfunding_make_or_fail:4 -krp_message:1
ifneq ($(MSGFMT),)
all: $(NLS_MO)
install: install-nls
endif
build/locale/%/funding.mo: src/funding/po/%.po
	@mkdir -p $(dir $@)
	$(MSGFMT) -c -o $@ $<
build/locale/%/regionpolicy.mo: src/regionpolicy/po/%.po
	@mkdir -p $(dir $@)
	$(MSGFMT) -o $@ $<
.PHONY: install-nls uninstall-nls update-po
install-nls: $(NLS_MO)
	@for l in $(NLS_LANGUAGES); do for d in $(NLS_DOMAINS); do \
		$(INSTALL) -d '$(DESTDIR)$(localedir)/'$$l/LC_MESSAGES && \
		$(INSTALL_DATA) build/locale/$$l/$$d.mo '$(DESTDIR)$(localedir)/'$$l/LC_MESSAGES/$$d-$(MAJORVERSION).mo || exit; done; done
uninstall: uninstall-nls
uninstall-nls:
	rm -f $(foreach d,$(NLS_DOMAINS),$(foreach l,$(NLS_LANGUAGES),'$(DESTDIR)$(localedir)/$(l)/LC_MESSAGES/$(d)-$(MAJORVERSION).mo'))
update-po:
	@mkdir -p build
	xgettext -o build/funding.pot --from-code=UTF-8 -c -n --no-wrap --add-comments=translator \
		--language=C $(XGETTEXT_KEYWORDS) --flag=T_:1:c-format --flag=_:1:c-format src/funding/*.c src/funding/*.h
	xgettext -o build/regionpolicy-c.pot --from-code=UTF-8 -n --no-wrap --language=C \
		-krp_message:1 -kgettext_noop src/regionpolicy/*.c
	perl test/lib/sql-messages.pl $(RP_PARTS) >build/regionpolicy-sql.pot
	msgcat --use-first -o build/regionpolicy.pot build/regionpolicy-c.pot build/regionpolicy-sql.pot
	for l in $(NLS_LANGUAGES); do for d in $(NLS_DOMAINS); do \
		if [ -f src/$$d/po/$$l.po ]; then msgmerge --no-wrap -U --backup=none src/$$d/po/$$l.po build/$$d.pot; \
		else msginit --no-translator --no-wrap -l $$l.UTF-8 -i build/$$d.pot -o src/$$d/po/$$l.po; fi; done; done

.PHONY: installcheck installcheck-all installcheck-regress
installcheck:
	@test/run

installcheck-all:
	@test/run --all

installcheck-regress:
	$(pg_regress_installcheck) $(REGRESS_OPTS) $(REGRESS)
ifdef ISOLATION
	$(pg_isolation_regress_installcheck) $(ISOLATION_OPTS) $(ISOLATION)
endif

SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
VENV := pg_virtualenv -t -v $(PG_MAJOR)

.PHONY: deps build-install test demo demo-db bench fuzz check-hard check-fuzzers check-memcheck memcheck-deps check-clients check-citus check-versions

# Everything make test needs, installed if missing (Debian packages, by
# .ci/deps, the one script that installs anything; packagers skip it and
# run make installcheck).  npm is for the es-hangul differential test; a
# Node.js from elsewhere that brings its own npm is used as it is.
deps:
	@PG_MAJOR=$(PG_MAJOR) .ci/deps
	@command -v npm >/dev/null && command -v node >/dev/null || PG_MAJOR=$(PG_MAJOR) .ci/deps nodejs npm

# A clean build with -Werror, so a warning fails the run.
build-install: deps
	$(MAKE) --no-print-directory PG_CONFIG=$(PG_CONFIG) clean >/dev/null
	$(MAKE) --no-print-directory PG_CONFIG=$(PG_CONFIG) COPT='-Werror'
	$(SUDO) $(MAKE) --no-print-directory PG_CONFIG=$(PG_CONFIG) install >/dev/null

# The summary is printed again after the cluster is dropped, so that the
# run ends with "N passed, M failed".
test: build-install
	@rm -f .test-result
	@RESULT_FILE=$(CURDIR)/.test-result REGIONPOLICY_STRICT=1 $(VENV) \
		$(MAKE) --no-print-directory -s PG_CONFIG=$(PG_CONFIG) installcheck-all; status=$$?; \
	cat .test-result 2>/dev/null || echo "0 passed, 1 failed"; rm -f .test-result; exit $$status

demo: build-install
	$(VENV) psql -X -v ON_ERROR_STOP=1 -q -f doc/demo.sql

# The dashboard test's data in a database that stays, for a BI tool: a
# cluster "demo" (made once), regionpolicy_demo, a role demo/demo; the
# connection is printed (doc/demo-db.sh --drop NN removes it).
DEMO_PORT ?= 5499
demo-db: build-install
	@doc/demo-db.sh $(PG_MAJOR) $(DEMO_PORT)

# The benchmark (bench/README.md): N rows, default 5 million.
N ?= 5000000
bench: build-install
	@PG_MAJOR=$(PG_MAJOR) .ci/deps valgrind bc
	$(VENV) bench/run.sh $(N)
	$(VENV) bench/encoding.sh
	PG_CONFIG=$(PG_CONFIG) bench/load.sh
	PG_CONFIG=$(PG_CONFIG) bench/parse-sort.sh

# The fuzzer: libFuzzer with AddressSanitizer and UndefinedBehaviorSanitizer
# over the pure-C parser and formatter, seeded from fuzz/corpus/.  New
# inputs go to fuzz/build/new; a crash leaves fuzz/build/crash-* and fails.
FUZZ_SECONDS ?= 60
# The plain-C reader and writer, which build without PostgreSQL
FUZZ_SOURCES = $(addprefix src/funding/,scan.c parse.c keyed.c keyed_lists.c format.c)
FUZZ_CFLAGS = -g -O1 -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
	-Wall -Wextra -Werror -Isrc/funding

fuzz/build/fuzz_funding: fuzz/fuzz_funding.c $(FUZZ_SOURCES) $(addprefix src/funding/,amount.h scan.h keyed.h)
	@mkdir -p fuzz/build
	clang $(FUZZ_CFLAGS) -o $@ fuzz/fuzz_funding.c $(FUZZ_SOURCES)

fuzz:
	@PG_MAJOR=$(PG_MAJOR) .ci/deps clang libclang-rt-14-dev
	$(MAKE) --no-print-directory fuzz/build/fuzz_funding
	@mkdir -p fuzz/build/new
	fuzz/build/fuzz_funding -dict=fuzz/funding.dict -max_total_time=$(FUZZ_SECONDS) \
		-print_final_stats=1 -artifact_prefix=fuzz/build/ fuzz/build/new fuzz/corpus

# The slow checks CI also runs: the fuzzer, the SQL-level fuzzer (random
# queries over the extension's surface under a short statement_timeout; a
# crash, an XX000 error, a broken oracle or a statement that outlives its
# timeout fails it, reduced to a reproduction in fuzz/build/sqlfuzz), the
# planted look-alikes against every documented example (check-fuzzers),
# then the suites that reach the C code against a server under valgrind
# memcheck (check-memcheck: a copy of the tree, built, installed and tested
# in a temporary directory, so CI runs it beside the other stages).
SQLFUZZ_SEED ?= 1
SQLFUZZ_SECONDS ?= 60
check-hard: check-fuzzers check-memcheck

check-fuzzers: build-install
	@PG_MAJOR=$(PG_MAJOR) .ci/deps valgrind python3
	$(MAKE) --no-print-directory fuzz
	$(VENV) python3 test/hard/sqlfuzz.py --seed $(SQLFUZZ_SEED) --seconds $(SQLFUZZ_SECONDS) \
		--reduce-seconds 120 --out fuzz/build/sqlfuzz
	$(VENV) bash test/42_planted.sh

check-memcheck: memcheck-deps
	PG_CONFIG=$(PG_CONFIG) test/hard/memcheck.sh

memcheck-deps: deps
	@PG_MAJOR=$(PG_MAJOR) .ci/deps valgrind

# Real clients (psycopg2, JDBC, ODBC), postgres_fdw federation, the CSV
# export opened by LibreOffice, an Evidence 39 dashboard rendered by headless
# Chromium, pandas' dtypes, R (DBI, RPostgreSQL, ggplot2), LibreOffice Calc
# over ODBC and the demo database, in a throwaway cluster; CI runs it too.
CLIENT_PACKAGES = python3-psycopg2 python3-pyodbc default-jdk-headless libpostgresql-jdbc-java \
	odbc-postgresql unixodbc iproute2 \
	libreoffice-calc-nogui libreoffice-base python3-uno poppler-utils unzip fonts-nanum \
	chromium python3-pandas python3-sqlalchemy curl \
	r-base-core r-cran-dbi r-cran-rpostgresql r-cran-ggplot2 r-cran-ragg
check-clients: build-install
	@PG_MAJOR=$(PG_MAJOR) .ci/deps $(CLIENT_PACKAGES)
	@command -v npm >/dev/null && command -v node >/dev/null || PG_MAJOR=$(PG_MAJOR) .ci/deps nodejs npm
	@rm -f .test-result
	@RESULT_FILE=$(CURDIR)/.test-result $(VENV) test/clients/run; status=$$?; \
	cat .test-result 2>/dev/null || echo "0 passed, 1 failed"; rm -f .test-result; exit $$status

# Citus: a coordinator and two workers beside one server, the recipe of
# doc/regionpolicy.md ("Citus") as written, the same lines on both, and
# every report compared (test/citus/run).  Citus is built from its release
# source (../shared/third-party/citus, or CITUS_SRC) once per PostgreSQL
# minor, cached in /var/cache/regionpolicy/citus (test/citus/build.sh).
CITUS_PACKAGES = libcurl4-openssl-dev liblz4-dev libzstd-dev libkrb5-dev libssl-dev libselinux1-dev \
	libxslt1-dev libpam0g-dev autoconf bc
check-citus: build-install
	@PG_MAJOR=$(PG_MAJOR) .ci/deps $(CITUS_PACKAGES)
	PG_CONFIG=$(PG_CONFIG) test/citus/build.sh
	@PG_CONFIG=$(PG_CONFIG) test/citus/run >.citus-result; status=$$?; cat .citus-result; \
	echo "$$(grep -c '^ok' .citus-result) passed, $$(grep -c '^not ok' .citus-result) failed"; rm -f .citus-result; exit $$status

# The same build and suites against other PostgreSQL majors, each in a
# Debian chroot of the release that ships it (cached; see the script).
check-versions:
	.ci/check-versions

# Debian packages: postgresql-<major>-regionpolicy for every major that
# debian/pgversions and postgresql-common support (15 on bookworm), built by
# pg_buildext (debian/rules) from a copy of this tree (tracked files plus
# untracked, not ignored ones) in build/deb/, without -Werror.  The .deb,
# .changes and .buildinfo land in build/deb/.  dh_pgxs_test runs pg_regress
# against the staged package during the build (DEB_BUILD_OPTIONS=nocheck
# skips it).  make test-deb installs the .deb and runs every suite against it.
DEB_DIR      = build/deb
DEB_PACKAGES = build-essential debhelper dpkg-dev fakeroot postgresql-all postgresql-server-dev-all
DEB_VERSION  = $(shell awk -F'[()]' 'NR == 1 { print $$2 }' debian/changelog)

.PHONY: deb test-deb dist

deb:
	@.ci/deps $(DEB_PACKAGES)
	@v='$(DEB_VERSION)'; [ "$${v%-*}" = "$(EXTVERSION)" ] || { \
		echo "debian/changelog is at $$v, META.json at $(EXTVERSION): add an entry (dch -v $(EXTVERSION)-1)" >&2; exit 1; }
	rm -rf $(DEB_DIR) && mkdir -p $(DEB_DIR)/$(DISTNAME)-$(EXTVERSION)
	git ls-files -z --cached --others --exclude-standard | \
		tar -cf - --null --no-recursion -T - | tar -C $(DEB_DIR)/$(DISTNAME)-$(EXTVERSION) -xf -
	cd $(DEB_DIR)/$(DISTNAME)-$(EXTVERSION) && dpkg-buildpackage -us -uc -b
	@ls -1 $(DEB_DIR)/*.deb

test-deb: deb
	@PG_MAJOR=$(PG_MAJOR) .ci/deps libtap-parser-sourcehandler-pgtap-perl
	@command -v npm >/dev/null || .ci/deps nodejs npm	# test/12_es_hangul.sh
	test/deb/run $(DEB_DIR)/postgresql-*-$(DISTNAME)_$(DEB_VERSION)_*.deb

# The PGXN distribution: build/dist/regionpolicy-<version>.zip, everything
# committed at HEAD (git archive) under regionpolicy-<version>/.  META.json is
# checked against the PGXN Meta Spec 1.0 (test/lib/pgxn-meta.pl: Debian
# does not package PGXN::Meta::Validator), before and, with every path it
# names, inside the unpacked zip.
DIST     = $(DISTNAME)-$(EXTVERSION)
DIST_DIR = build/dist

dist:
	@.ci/deps unzip
	@git diff --quiet HEAD || echo "warning: uncommitted changes are not in the zip (git archive HEAD)" >&2
	perl test/lib/pgxn-meta.pl META.json
	@for e in $(EXTENSION); do [ "$$(sed -n "s/^default_version = '\(.*\)'/\1/p" $$e.control)" = "$(EXTVERSION)" ] || { \
		echo "$$e.control's default_version is not META.json's $(EXTVERSION)" >&2; exit 1; }; done
	rm -rf $(DIST_DIR) && mkdir -p $(DIST_DIR)
	git archive --format=zip --prefix=$(DIST)/ -o $(DIST_DIR)/$(DIST).zip HEAD
	cd $(DIST_DIR) && unzip -q $(DIST).zip && [ "$$(unzip -Z1 $(DIST).zip | cut -d/ -f1 | sort -u)" = "$(DIST)" ]
	perl test/lib/pgxn-meta.pl --dist $(DIST_DIR)/$(DIST) $(DIST_DIR)/$(DIST)/META.json
	@rm -rf $(DIST_DIR)/$(DIST)
	@ls -l $(DIST_DIR)/$(DIST).zip
