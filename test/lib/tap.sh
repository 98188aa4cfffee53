# Shared by the shell suites: TAP output.  Source it, call plan N, then
# ok/is, then done_testing.
n=0
failed=0
plan() { echo "1..$1"; }
ok() {	# ok <status> <description>
	n=$((n + 1))
	if [ "$1" -eq 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=$((failed + 1)); fi
}
is() {	# is <got> <expected> <description>
	n=$((n + 1))
	if [ "$1" = "$2" ]; then
		echo "ok $n - $3"
	else
		echo "not ok $n - $3"
		printf '#   got:      %s\n#   expected: %s\n' "$1" "$2"
		failed=$((failed + 1))
	fi
}
done_testing() { exit $((failed > 0)); }
