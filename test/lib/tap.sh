# Shared by the shell suites: TAP output.  Source it, call plan N, then
# ok/is, then done_testing.
tap_n=0
tap_failed=0
plan() { echo "1..$1"; }
ok() {	# ok <status> <description>
	tap_n=$((tap_n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $tap_n - $2"; else echo "not ok $tap_n - $2"; tap_failed=$((tap_failed + 1)); fi
}
is() {	# is <got> <expected> <description>
	tap_n=$((tap_n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $tap_n - $3"
	else
		echo "not ok $tap_n - $3"
		printf '#   got:      %s\n#   expected: %s\n' "$1" "$2"
		tap_failed=$((tap_failed + 1))
	fi
}
done_testing() { exit $((tap_failed > 0)); }
# needs <command> <what for>: a suite that cannot run without a tool skips
# (1..0 # SKIP), or fails under REGIONPOLICY_STRICT=1 (make test, CI), where
# every tool is meant to be there.
needs() {
	command -v "$1" >/dev/null && return 0
	if [ -n "${REGIONPOLICY_STRICT:-}" ]; then
		echo "1..1"; echo "not ok 1 - $1 is not installed ($2)"; exit 1
	fi
	echo "1..0 # SKIP $1 is not installed ($2)"; exit 0
}
