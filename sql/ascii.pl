#!/usr/bin/perl
# Make an install script ASCII-only, so that it loads in any database
# encoding and its first statement can refuse the encodings the extension
# does not support with a message that says why (PostgreSQL converts a
# script from the control file's encoding as a whole, before running any of
# it).  Every string literal holding a non-ASCII character becomes a
# U&'...' literal with \XXXX escapes, which the server turns back into the
# same characters in UTF8 and EUC_KR databases; non-ASCII in comments is
# escaped the same way.  Literals inside dollar-quoted bodies are treated
# alike.  Any other non-ASCII character (in an identifier, say) stops the
# build.  The server lexes a whole script before it runs any of it, and
# lexing a U&'' escape converts it, so a top-level statement that holds one
# is wrapped as DO ... EXECUTE $stmt$...$stmt$: its literals are read only
# when it runs, after the encoding check at the top of the script.
#   Usage: perl sql/ascii.pl < script.sql > script-ascii.sql
use strict;
use warnings;

binmode STDIN, ':encoding(UTF-8)';
binmode STDOUT, ':encoding(UTF-8)';
local $/;
my $sql = <STDIN>;

sub esc {	# non-ASCII characters as U&'' escapes
	my ($s) = @_;
	$s =~ s/([^\x00-\x7F])/ord($1) > 0xFFFF ? sprintf('\\+%06X', ord($1)) : sprintf('\\%04X', ord($1))/ge;
	return $s;
}

my $escaped;	# did the current top-level statement get a U&'' literal?

sub lex {
	my ($text, $top) = @_;
	my $out = '';
	my @statements;
	pos($text) = 0;
	while (pos($text) < length($text)) {
		if ($text =~ /\G(--[^\n]*)/gc) {
			$out .= esc($1);
		} elsif ($text =~ m{\G(/\*.*?\*/)}gcs) {
			$out .= esc($1);
		} elsif ($text =~ /\G(\$([A-Za-z_][A-Za-z_0-9]*)?\$)/gc) {
			my $tag = $1;
			$text =~ /\G(.*?)\Q$tag\E/gcs or die "unterminated dollar quote $tag\n";
			$out .= $tag . lex($1, 0) . $tag;
		} elsif ($text =~ /\G([Ee]?)'((?:[^']|'')*)'/gc) {
			my ($prefix, $body) = ($1, $2);
			if ($body =~ /[^\x00-\x7F]/) {
				die "non-ASCII in an E'' literal: $body\n" if $prefix ne '';
				$body =~ s/\\/\\\\/g;
				$out .= "U&'" . esc($body) . "'";
				$escaped = 1 if $top;
			} else {
				$out .= "$prefix'$body'";
			}
		} elsif ($text =~ /\G("(?:[^"]|"")*")/gc) {
			die "non-ASCII in an identifier: $1\n" if $1 =~ /[^\x00-\x7F]/;
			$out .= $1;
		} elsif ($top && $text =~ /\G;/gc) {
			push @statements, [$out . ';', $escaped];
			($out, $escaped) = ('', 0);
		} elsif ($text =~ /\G([^-\/\$'"Ee;]+|.)/gcs) {
			die "non-ASCII outside a literal or comment: $1\n" if $1 =~ /[^\x00-\x7F]/;
			$out .= $1;
		}
	}
	return $out unless $top;
	my $n = 0;
	my $result = '';
	for my $s (@statements) {
		my ($stmt, $wrap) = @$s;
		if ($wrap) {
			$n++;
			$stmt =~ s/^(\s*)//;
			my $lead = $1;
			$stmt =~ s/;$//;
			$result .= "${lead}DO \$rp_ascii_$n\$ BEGIN EXECUTE \$rp_stmt_$n\$$stmt\$rp_stmt_$n\$; END \$rp_ascii_$n\$;";
		} else {
			$result .= $stmt;
		}
	}
	return $result . $out;
}

$escaped = 0;
print lex($sql, 1);
