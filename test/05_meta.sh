#!/bin/bash
# The packaging agrees with itself: META.json is valid PGXN metadata whose
# version is the control file's default_version, and whose files exist.
cd "$(dirname "$0")/.." && . test/lib/tap.sh
plan 5
perl test/lib/pgxn-meta.pl META.json | sed 's/^/# /'
ok ${PIPESTATUS[0]} "META.json is valid PGXN Meta Spec 1.0 metadata (test/lib/pgxn-meta.pl)"
meta_version=$(perl -MJSON::PP -e 'print JSON::PP->new->decode(do { local $/; <STDIN> })->{version}' <META.json)
control_version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" regionpolicy.control)
is "$meta_version" "$control_version" "META.json's version is the control file's default_version"
is "$(perl -MJSON::PP -e 'print JSON::PP->new->decode(do { local $/; <STDIN> })->{provides}{regionpolicy}{version}' <META.json)" \
   "$meta_version" "the provided extension has that version"
docfile=$(perl -MJSON::PP -e 'print JSON::PP->new->decode(do { local $/; <STDIN> })->{provides}{regionpolicy}{docfile}' <META.json)
[ -f "$docfile" ]
ok $? "the docfile ($docfile) exists"
psql -X -q -t -A -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = 'regionpolicy'" | grep -qx "$meta_version"
ok $? "the installed extension offers that version"
done_testing
