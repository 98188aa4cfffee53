#!/usr/bin/perl
# For a made upgrade script: CREATE OR REPLACE of every function of the
# given install sources, outside their blocks marked "-- 2.0.0:", whose
# body calls one of the named functions of the schema (given as a regex).
# Such a function is one an older version had, changed since only in what
# it calls: the upgrade must replace it as the install creates it.
#   sql/upgrade/replace-functions.pl 'message|with_particles' sql/regionpolicy/*.sql
use strict;
use warnings;

my $called = shift @ARGV;
my $text = do { local $/; join '', map { open my $fh, '<:raw', $_ or die "$_: $!\n"; <$fh> } @ARGV };
$text =~ s/^-- 2\.0\.0: .*?^-- end of 2\.0\.0$//msg;
while ($text =~ /^CREATE FUNCTION /mg) {
	my $start = pos($text) - length('CREATE FUNCTION ');
	my $semi = index($text, ';', $start);
	my $rest = substr($text, $start);
	my $end;
	# the statement ends at its first ";" unless a dollar-quoted body opens before it
	if ($rest =~ /\$(\w*)\$/ && $-[0] < $semi - $start) {
		my $tag = $1;
		my $open = $start + $+[0];
		my $close = index($text, "\$$tag\$", $open);
		die "unterminated body at offset $start\n" if $close < 0;
		$end = index($text, ';', $close) + 1;
	} else {
		$end = $semi + 1;
	}
	my $f = substr($text, $start, $end - $start);
	pos($text) = $end;
	next unless $f =~ /\@extschema\@\.(?:$called)\(/;
	$f =~ s/^CREATE FUNCTION /CREATE OR REPLACE FUNCTION /;
	print "$f\n";
}
