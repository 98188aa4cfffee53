#!/bin/bash
# Regenerate fuzz/corpus/ from the string literals of the test suites and
# the amounts of real documents (test/data/real-amounts.tsv), then
# minimise it with the fuzzer (fuzz/build/fuzz_funding must exist).
set -eu
cd "$(dirname "$0")/.."
raw=$(mktemp -d)
trap 'rm -rf "$raw"' EXIT
{ grep -ohP "'[^']*'" test/*.sql test/sql/*.sql doc/*.sql | sed "s/^'//; s/'\$//"
  grep -v '^#' test/data/real-amounts.tsv | tail -n +2 | cut -f3; } | sort -u |
while IFS= read -r s; do
	printf '%s' "$s" > "$raw/$(printf '%s' "$s" | sha1sum | cut -c1-16)"
done
mkdir -p fuzz/corpus
fuzz/build/fuzz_funding -merge=1 -dict=fuzz/funding.dict fuzz/corpus "$raw" 2>/dev/null
ls fuzz/corpus | wc -l
