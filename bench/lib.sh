# Sourced by bench/load.sh and bench/parse-sort.sh: a throwaway data
# directory, and statements run in a single-user backend, counted in
# instructions when asked (callgrind, --toggle-collect=PortalRun).
#
#   bench_init NAME   $tmp, with an initdb'd $tmp/data; both go on exit
#   single FILE       run FILE; an ERROR stops the benchmark
#   ir FILE           the instructions FILE spends in PortalRun
#
# single_opts (an array) adds server options to both (-c search_path=…).
PG_CONFIG=${PG_CONFIG:-$(ls -d /usr/lib/postgresql/[1-9][0-9]/bin/pg_config 2>/dev/null | tail -1)}
bindir=$($PG_CONFIG --bindir)
single_opts=()

as_owner() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

bench_init() {
	tmp=$(mktemp -d "/tmp/regionpolicy_$1.XXXXXX")
	chmod 755 "$tmp"
	trap 'as_owner "$bindir/pg_ctl" -D "$tmp/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$tmp"' EXIT
	if [ "$(id -u)" = 0 ]; then chown postgres "$tmp"; fi
	as_owner "$bindir/initdb" -D "$tmp/data" -A trust -U postgres -E UTF8 --locale=C >/dev/null
}

single() {	# -j: a statement ends with ; and a blank line
	sed 's/;$/;\n/' "$1" | as_owner "$bindir/postgres" --single -j -D "$tmp/data" "${single_opts[@]}" postgres >"$tmp/single.out" 2>&1 ||
		{ cat "$tmp/single.out" >&2; exit 1; }
	if grep -q 'ERROR' "$tmp/single.out"; then cat "$tmp/single.out" >&2; exit 1; fi
}

ir() {
	sed 's/;$/;\n/' "$1" | as_owner valgrind --tool=callgrind --toggle-collect=PortalRun --callgrind-out-file="$tmp/cg.out" \
		"$bindir/postgres" --single -j -D "$tmp/data" "${single_opts[@]}" postgres >"$tmp/cg.log" 2>&1
	if grep -q 'ERROR' "$tmp/cg.log"; then cat "$tmp/cg.log" >&2; exit 1; fi
	sed -n 's/^summary: \([0-9]*\).*/\1/p; s/^totals: \([0-9]*\).*/\1/p' "$tmp/cg.out" | head -1
}
