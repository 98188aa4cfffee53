# Shared by the suite runners (test/run, test/clients/run): count TAP-ish
# results into passed/failed.  Source it, call count per suite, then print
# "$passed passed, $failed failed".
passed=0
failed=0

# count <log> <ok-pattern> <not-ok-pattern> <exit-status> <suite>
count() {
	local ok bad
	ok=$(grep -cE "$2" "$1")
	bad=$(grep -cE "$3" "$1")
	# A suite that failed without a failing line (a crash, a bad plan)
	# still counts as one failure.
	if [ "$4" -ne 0 ] && [ "$bad" -eq 0 ]; then
		bad=1
		echo "# $5 exited with status $4" >&2
	fi
	passed=$((passed + ok))
	failed=$((failed + bad))
	echo "# $5: $ok passed, $bad failed"
}
