#!/bin/bash
# The packaging agrees with itself: META.json is valid PGXN metadata whose
# version is the control file's default_version, and whose files exist.
cd "$(dirname "$0")/.." && . test/lib/tap.sh
plan 5
perl -MJSON::PP -e 'my $m = JSON::PP->new->decode(do { local $/; <STDIN> });
	for my $k (qw(name abstract version maintainer license provides meta-spec)) { die "missing $k\n" unless $m->{$k} }
	die "bad meta-spec\n" unless $m->{"meta-spec"}{version} eq "1.0.0";' <META.json
ok $? "META.json is JSON with the keys PGXN's meta spec 1.0.0 requires"
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
