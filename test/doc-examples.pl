#!/usr/bin/perl
# Run every SQL example of a Markdown document and compare its output.
#
#   test/doc-examples.pl doc/regionpolicy.md            TAP: one test per example
#   test/doc-examples.pl --update doc/regionpolicy.md   rewrite the outputs in place
#
# A ```sql block followed (after blank lines only) by a plain ``` block is an
# example: the plain block is the exact psql output.  A ```sql block with no
# output block is set-up: it runs and must not fail.  All blocks run in order
# in one psql session in a fresh database with the extension installed, so
# later examples see earlier set-up.  Needs PGHOST/PGPORT/PGUSER (psql's usual
# environment) and createdb/dropdb rights.
use strict;
use warnings;

my $update = @ARGV && $ARGV[0] eq '--update' ? shift @ARGV : 0;
# --planted SETUP PATH: run SETUP (SQL that plants look-alikes) after
# CREATE EXTENSION, run the examples on search_path PATH, and report one
# test: that no output line says PLANTED (what the look-alikes raise).
my ($planted, $search_path) = (undef, 'regionpolicy, "$user", public');
if (@ARGV && $ARGV[0] eq '--planted') {
	(undef, $planted, $search_path) = splice @ARGV, 0, 3;
}
my $file = shift @ARGV or die "usage: $0 [--update | --planted setup.sql search_path] file.md\n";
open my $fh, '<:raw', $file or die "$file: $!\n";
my @lines = <$fh>;
close $fh;

# Find the blocks.
my @blocks;    # { sql => text, line => n, out_start => i, out_end => i, expected => text }
for (my $i = 0; $i < @lines; $i++) {
	next unless $lines[$i] =~ /^```sql\s*$/;
	my $start = $i + 1;
	my $j = $start;
	$j++ while $j < @lines && $lines[$j] !~ /^```\s*$/;
	die "$file:" . ($i + 1) . ": unterminated sql block\n" if $j >= @lines;
	my $block = { sql => join('', @lines[$start .. $j - 1]), line => $i + 1 };
	my $k = $j + 1;
	$k++ while $k < @lines && $lines[$k] =~ /^\s*$/;
	if ($k < @lines && $lines[$k] =~ /^```\s*$/) {
		my $m = $k + 1;
		$m++ while $m < @lines && $lines[$m] !~ /^```\s*$/;
		die "$file:" . ($k + 1) . ": unterminated output block\n" if $m >= @lines;
		$block->{out_start} = $k + 1;
		$block->{out_end} = $m;    # exclusive
		$block->{expected} = join('', @lines[$k + 1 .. $m - 1]);
		$i = $m;
	} else {
		$i = $j;
	}
	push @blocks, $block;
}

# Run them in one session.
my $db = "regionpolicy_doc_$$";
system('createdb', $db) == 0 or die "createdb failed\n";
my $script = "\\set ON_ERROR_STOP 0\n\\set VERBOSITY default\n"
	. "SET client_min_messages = error;\nCREATE EXTENSION regionpolicy CASCADE;\n"
	. (defined $planted ? "\\i $planted\n" : '')
	. "SET search_path = $search_path;\nRESET client_min_messages;\n"
	. "\\echo ---8<---\n";
$script .= $_->{sql} . "\n\\echo ---8<---\n" for @blocks;
my $tmp = "/tmp/regionpolicy_doc_$$.sql";
open my $sf, '>:raw', $tmp or die "$tmp: $!\n";
print $sf $script;
close $sf;
my $output = `psql -X -q -d $db -f $tmp 2>&1`;
unlink $tmp;
system('dropdb', $db);
$output =~ s/^psql:[^:\n]*:\d+: //mg;
my (undef, @outputs) = split /^---8<---\n/m, $output, -1;

sub normal {
	my $s = shift;
	$s =~ s/[ \t]+$//mg;
	$s =~ s/\n+\z//;
	return "$s\n";
}

if ($update) {
	for my $n (reverse 0 .. $#blocks) {
		my $b = $blocks[$n];
		next unless defined $b->{out_start};
		splice @lines, $b->{out_start}, $b->{out_end} - $b->{out_start}, normal($outputs[$n] // '');
	}
	open my $out, '>:raw', $file or die "$file: $!\n";
	print $out @lines;
	close $out;
	exit 0;
}

if (defined $planted) {
	my @hits = join("", @outputs) =~ /^.*PLANTED.*$/mg;
	print "1..1\n";
	print((@hits ? 'not ok' : 'ok') . " 1 - $file: no planted look-alike runs on search_path $search_path ("
		  . scalar(@blocks) . " blocks)\n");
	print map({ "# $_\n" } @hits[0 .. ($#hits < 9 ? $#hits : 9)]);
	exit(@hits ? 1 : 0);
}

print "1.." . scalar(@blocks) . "\n";
my $failed = 0;
for my $n (0 .. $#blocks) {
	my $b = $blocks[$n];
	my $got = normal($outputs[$n] // '');
	my $name = "$file:$b->{line}";
	my $ok;
	if (defined $b->{expected}) {
		$ok = $got eq normal($b->{expected});
		$name .= ' example';
	} else {
		$ok = $got !~ /^(ERROR|FATAL|PANIC):/m;
		$name .= ' set-up';
	}
	if ($ok) {
		print "ok " . ($n + 1) . " - $name\n";
	} else {
		$failed++;
		print "not ok " . ($n + 1) . " - $name\n";
		print "# expected:\n", map({ "#   $_\n" } split /\n/, normal($b->{expected} // '')),
			"# got:\n", map({ "#   $_\n" } split /\n/, $got);
	}
}
exit($failed ? 1 : 0);
