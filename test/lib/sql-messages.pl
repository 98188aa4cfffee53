#!/usr/bin/perl
# The schema's messages for the regionpolicy catalog: the first argument of
# every call @extschema@.message('...', ...) in the given SQL files, as a
# gettext template (.pot) on stdout (make update-po; doc/regionpolicy.md,
# "Messages").  The argument must be one string literal ('' for a quote).
#   test/lib/sql-messages.pl sql/regionpolicy/*.sql >build/regionpolicy-sql.pot
#   test/lib/sql-messages.pl --check FILE...   fails on a call whose first
#                                             argument is not a literal
use strict;
use warnings;

my $check = @ARGV && $ARGV[0] eq '--check' ? shift @ARGV : undef;
my (%refs, @order, @bad);
for my $file (@ARGV) {
	open my $fh, '<:raw', $file or die "$file: $!\n";
	my $text = do { local $/; <$fh> };
	while ($text =~ /(?<!FUNCTION )\@extschema\@\.message\(\s*/g) {
		my $at = pos $text;
		my $line = 1 + (substr($text, 0, $at) =~ tr/\n//);
		if ($text =~ /\G'((?:[^']|'')*)'/gc) {
			(my $msgid = $1) =~ s/''/'/g;
			push @order, $msgid unless $refs{$msgid};
			push @{$refs{$msgid}}, "$file:$line";
		} else {
			push @bad, "$file:$line";
		}
	}
}
if (@bad) {
	print STDERR "message() needs a string literal first: $_\n" for @bad;
	exit 1;
}
exit 0 if $check;
sub po_string {
	my $s = shift;
	$s =~ s/\\/\\\\/g;
	$s =~ s/"/\\"/g;
	$s =~ s/\n/\\n/g;
	$s =~ s/\t/\\t/g;
	return "\"$s\"";
}
print <<'HEAD';
msgid ""
msgstr ""
"Project-Id-Version: regionpolicy\n"
"MIME-Version: 1.0\n"
"Content-Type: text/plain; charset=UTF-8\n"
"Content-Transfer-Encoding: 8bit\n"

HEAD
for my $msgid (@order) {
	print "#: @{$refs{$msgid}}\n";
	print "msgid ", po_string($msgid), "\nmsgstr \"\"\n\n";
}
