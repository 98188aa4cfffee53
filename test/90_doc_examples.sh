#!/bin/bash
# Every example in the reference documentation and the tour runs and prints
# what the documentation says it prints.
cd "$(dirname "$0")/.." || exit 1
status=0
for doc in doc/regionpolicy.md doc/tour.md; do
	perl test/doc-examples.pl "$doc" || status=1
done
exit $status
