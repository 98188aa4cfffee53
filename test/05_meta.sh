#!/bin/bash
# The packaging agrees with itself: META.json is valid PGXN metadata whose
# version is each control file's default_version, whose files exist, and
# the committed install and upgrade scripts of the current version are what
# the sources make (Makefile: sql/funding/, sql/regionpolicy/, sql/upgrade/).
cd "$(dirname "$0")/.." && . test/lib/tap.sh
plan 9
perl test/lib/pgxn-meta.pl META.json | sed 's/^/# /'
ok ${PIPESTATUS[0]} "META.json is valid PGXN Meta Spec 1.0 metadata (test/lib/pgxn-meta.pl)"
meta() { perl -MJSON::PP -e 'my $m = JSON::PP->new->decode(do { local $/; <STDIN> }); print eval "\$m->$ARGV[0]"' "$1" <META.json; }
meta_version=$(meta '{version}')
for ext in funding regionpolicy; do
	control_version=$(sed -n "s/^default_version = '\(.*\)'/\1/p" $ext.control)
	is "$control_version $(meta "{provides}{$ext}{version}")" "$meta_version $meta_version" \
	   "$ext.control's default_version and META.json's $ext are the distribution's version ($meta_version)"
	file=$(meta "{provides}{$ext}{file}")
	[ -f "$file" ] && [ -f "$(meta "{provides}{$ext}{docfile}")" ]
	ok $? "$ext's file ($file) and docfile exist"
	psql -X -q -t -A -d postgres -c "SELECT default_version FROM pg_available_extensions WHERE name = '$ext'" | grep -qx "$meta_version"
	ok $? "the installed $ext offers that version"
done
grep -qx "requires = 'funding'" regionpolicy.control && grep -qx "relocatable = true" funding.control && grep -qx "trusted = true" funding.control
ok $? "regionpolicy requires funding, which is relocatable and trusted"
# Made again in a copy of the sources, and compared with the committed
# scripts (with the scripts in the tree where the sources have changes not
# yet committed).
made=$(mktemp -d)
trap 'rm -rf "$made"' EXIT
cp -r Makefile META.json sql "$made"/
committed=
if git rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
   git diff --quiet HEAD -- Makefile META.json sql/funding sql/regionpolicy sql/upgrade sql/data 2>/dev/null; then
	committed=1
fi
stale=
for f in sql/funding--$meta_version.sql sql/regionpolicy--$meta_version.sql \
		 sql/funding--1.3.0--$meta_version.sql sql/regionpolicy--1.3.0--$meta_version.sql; do
	make -s --no-print-directory -C "$made" -B "$f" >/dev/null 2>&1
	if [ -n "$committed" ]; then
		git show "HEAD:$f" 2>/dev/null | cmp -s - "$made/$f" || stale="$stale $f"
	else
		cmp -s "$f" "$made/$f" || stale="$stale $f"
	fi
done
is "$stale" "" "the $([ -n "$committed" ] && echo committed || echo tree\'s) scripts are what make makes from the sources"
done_testing
