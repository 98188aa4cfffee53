#!/bin/bash
# The test suites against a server running under valgrind memcheck,
# with the extension built as usual (-O2 -g).  Any memcheck error in a
# stack that passes through funding.so or regionpolicy.so fails the run.
#
# Why valgrind and not AddressSanitizer here: preloading gcc's or clang's
# ASan runtime into Debian's uninstrumented postgres binary deadlocks in
# glibc's bindtextdomain() before main() gets going (glibc 2.36), so the
# server cannot start.  ASan and UBSan do run over the pure-C parser and
# formatter in the fuzzer (make fuzz).
#
# Limits: without a PostgreSQL built with USE_VALGRIND, memcheck sees palloc
# chunks as parts of larger malloc'd blocks, so an overrun inside a block
# goes unnoticed; reads of uninitialised memory, overruns of blocks and of
# the stack, and invalid frees are caught.  Errors wholly inside PostgreSQL
# (not passing through our libraries) are reported as notes, not failures.
#
# The system PostgreSQL and this tree are left alone: PostgreSQL's binaries
# and share files are copied into a temporary tree, and so is this tree,
# built there and installed into the first (make install DESTDIR=...);
# PostgreSQL finds its share directory relative to its binaries, so the
# copy is self-contained.
set -u
cd "$(dirname "$0")/../.."
# default: the newest PostgreSQL major installed
PG_CONFIG=${PG_CONFIG:-$(ls -d /usr/lib/postgresql/[1-9][0-9]/bin/pg_config 2>/dev/null | tail -1)}
PG_CONFIG=${PG_CONFIG:-pg_config}
bindir=$($PG_CONFIG --bindir)
sharedir=$($PG_CONFIG --sharedir)
tmp=$(mktemp -d /tmp/regionpolicy_memcheck.XXXXXX)
port=${MEMCHECK_PORT:-54$((RANDOM % 90 + 10))}
chmod 755 "$tmp"

as_owner() {	# the cluster owner: postgres when we are root
	if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
cleanup() {
	as_owner "$tmp$bindir/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 143' TERM INT	# (so that the EXIT trap stops the server)

# A copy of the tree (tracked files, and untracked ones not ignored), built
# and tested there: CI runs this beside other stages that clean, build and
# install in the tree itself (.ci/run).
mkdir -p "$tmp/src"
if git rev-parse --git-dir >/dev/null 2>&1; then
	git ls-files -z --cached --others --exclude-standard |
		tar -cf - --null --no-recursion -T - | tar -C "$tmp/src" -xf - || exit 1
else
	cp -a . "$tmp/src/" || exit 1
fi
cd "$tmp/src" || exit 1
make --no-print-directory -s PG_CONFIG="$PG_CONFIG" clean >/dev/null 2>&1
make --no-print-directory -s PG_CONFIG="$PG_CONFIG" all || exit 1
mkdir -p "$tmp$(dirname "$bindir")" "$tmp$(dirname "$sharedir")"
cp -a "$(dirname "$bindir")/." "$tmp$(dirname "$bindir")/"
cp -a "$sharedir" "$tmp$(dirname "$sharedir")/"
# PostgreSQL's own message catalogs, found relative to its binaries as its
# share directory is (test/48_messages.sh reads its Korean messages).
localedir=$($PG_CONFIG --localedir)
major=$($PG_CONFIG --version | sed -E 's/^PostgreSQL ([0-9]+).*/\1/')
for mo in "$localedir"/*/LC_MESSAGES/postgres-"$major".mo; do
	[ -f "$mo" ] || continue
	mkdir -p "$tmp$(dirname "$mo")"
	cp -a "$mo" "$tmp$mo"
done
make --no-print-directory -s PG_CONFIG="$PG_CONFIG" install DESTDIR="$tmp" >/dev/null || exit 1

mkdir -p "$tmp/data" "$tmp/valgrind" "$tmp/run"
[ "$(id -u)" = 0 ] && chown -R postgres "$tmp/data" "$tmp/valgrind" "$tmp/run"
as_owner "$tmp$bindir/initdb" -D "$tmp/data" -E UTF8 --locale=C.UTF-8 -A trust -U postgres >/dev/null || exit 1
cat >>"$tmp/data/postgresql.conf" <<CONF
port = $port
unix_socket_directories = '$tmp/run'
listen_addresses = ''
max_parallel_workers_per_gather = 2
CONF

echo "# starting postgres under valgrind memcheck"
as_owner valgrind --quiet --tool=memcheck --trace-children=yes --track-origins=no \
	--read-var-info=no --num-callers=30 --error-limit=no --leak-check=no \
	--suppressions=test/hard/valgrind.supp \
	--log-file="$tmp/valgrind/%p.log" \
	"$tmp$bindir/postgres" -D "$tmp/data" >"$tmp/server.log" 2>&1 &
server=$!
for _ in $(seq 1 120); do
	"$bindir/pg_isready" -q -h "$tmp/run" -p "$port" && break
	kill -0 "$server" 2>/dev/null || break
	sleep 1
done
"$bindir/pg_isready" -q -h "$tmp/run" -p "$port" || { echo "not ok - the server did not start"; cat "$tmp/server.log"; exit 1; }
echo "# server up on port $port"

export PGHOST=$tmp/run PGPORT=$port PGUSER=postgres PGDATABASE=postgres PG_CONFIG
# test/47_check.sql's 60,000 lines are a statement about size, not memory:
# 12,000 (past its planted errors) cover the same paths here.
export PGOPTIONS="${PGOPTIONS:-} -c rp_test.lines=12000"
# The es-hangul differential test checks values (282,746 texts, minutes
# under valgrind); the same parser runs the corpus and input suites here,
# and libFuzzer covers it under ASan.
export REGIONPOLICY_NO_NPM=1
# The shell suites whose C paths the pgTAP suites do not take: EUC_KR
# conversion, concurrent loads (the load tally across sessions), an
# export's columns, the message catalogs.  The others drive the same C
# functions through whole-database SQL (dumps and restores, whose text and
# binary forms test/04_binary.sql covers, upgrades, search_path, planted
# objects, the documented examples), which valgrind only slows down (the
# dump suite took 6 minutes under it); they run natively in make test.
# MEMCHECK_SUITES=all runs every one.
if [ "${MEMCHECK_SUITES:-}" != all ]; then
	export REGIONPOLICY_SHELL_SUITES=${MEMCHECK_SUITES:-"test/13_encodings.sh test/28_concurrency.sh test/45_lofin.sh test/48_messages.sh"}
fi
if [ -n "${MEMCHECK_ONLY:-}" ]; then	# a developer's shortcut: these suites only
	status=0
	for t in $MEMCHECK_ONLY; do
		case $t in
		*.sh) bash "$t" || status=1 ;;
		*) dropdb --if-exists regionpolicy_tap; createdb regionpolicy_tap
		   PGDATABASE=regionpolicy_tap pg_prove --failures "$t" || status=1 ;;
		esac
	done
	(exit $status)
else
	test/run --all
fi
status=$?
as_owner "$tmp$bindir/pg_ctl" -D "$tmp/data" -w -t 300 stop >/dev/null

# Count error records; an error is ours if a frame is in funding.so or regionpolicy.so,
# whether valgrind names the library or, with debug information, one of its
# functions (the names come from the library's own symbol table).
ours_re="(funding|regionpolicy)\\.so|: ($(nm --defined-only funding.so regionpolicy.so |
	awk '$2 ~ /^[tT]$/ && $3 !~ /^(_|frame_dummy$|register_tm_clones$|deregister_tm_clones$)/ {print $3}' |
	paste -sd'|')) \\("
ours=0
theirs=0
for log in "$tmp"/valgrind/*.log; do
	[ -s "$log" ] || continue
	n=$(awk '/^==[0-9]+== [A-Z].*(Invalid|uninitialised|Mismatched|overlap|free)/ {e++} END {print e+0}' "$log")
	[ "$n" -eq 0 ] && continue
	if grep -Eq "$ours_re" "$log"; then
		ours=$((ours + n))
		echo "# memcheck errors in $log:"
		sed 's/^/#   /' "$log"
	else
		theirs=$((theirs + n))
		cat "$log" >>"$tmp/theirs.log"
	fi
done
echo "# memcheck: $ours error(s) through funding.so or regionpolicy.so, $theirs inside PostgreSQL alone"
if [ -s "$tmp/theirs.log" ]; then
	echo "# kinds of the errors inside PostgreSQL alone (first frame):"
	awk '/^==[0-9]+== [A-Z]/ {kind=$0; sub(/^==[0-9]+== /, "", kind); getline; sub(/^==[0-9]+== +/, ""); print "#   " kind " — " $0}' \
		"$tmp/theirs.log" | sort | uniq -c | sort -rn | head -10
fi
if [ "$ours" -gt 0 ]; then
	echo "not ok - memcheck found errors in regionpolicy"
	exit 1
fi
exit $status
