#!/bin/bash
# Every example in the reference documentation runs and prints what the
# documentation says it prints.
cd "$(dirname "$0")/.." && exec perl test/doc-examples.pl doc/regionpolicy.md
