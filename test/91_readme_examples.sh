#!/bin/bash
# Every SQL example in the README (```sql blocks; an output block after one
# is what it must print) runs, in one session, as the reference's do.
cd "$(dirname "$0")/.." && exec perl test/doc-examples.pl README.md
