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
