#!/usr/bin/perl
# Validates a META.json against the PGXN Meta Spec 1.0.x (what PGXN's own
# PGXN::Meta::Validator checks, which Debian does not package):
#   perl test/lib/pgxn-meta.pl [--dist DIR] [META.json]
# Written from the spec's rules: required keys, no unknown keys outside
# x_/X_, terms, SemVer versions, license shortcuts, provides, prereqs with
# version ranges, resources, tags, release_status, meta-spec 1.0.x.  With
# --dist DIR it also checks that every provides file/docfile exists under
# DIR (an unpacked distribution).  Prints "META.json is OK" or the errors
# and exits 1.  Core Perl only (JSON::PP).
use strict;
use warnings;
use JSON::PP;

my $dist;
if (@ARGV && $ARGV[0] eq '--dist') { shift; $dist = shift; }
my $file = shift // 'META.json';
open my $fh, '<:raw', $file or die "$file: $!\n";
my $meta = eval { JSON::PP->new->utf8->decode(do { local $/; <$fh> }) };
if (!$meta) { print "$file is not JSON: $@"; exit 1 }

my @errors;
sub err { push @errors, join '', @_ }
sub is_str { defined $_[0] && !ref $_[0] }
sub is_obj { ref $_[0] eq 'HASH' }
sub is_arr { ref $_[0] eq 'ARRAY' }
sub custom { $_[0] =~ /^[xX]_./ }

my $SEMVER = qr/(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)\.(?:0|[1-9]\d*)
	(?:-(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*)?
	(?:\+[0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*)?/x;
my $RANGE_ONE = qr/(?:(?:[=!]=|[<>]=?)\s*)?$SEMVER/;
my %LICENSES = map { $_ => 1 } qw(agpl_3 apache_1_1 apache_2_0 artistic_1 artistic_2 bsd
	freebsd gfdl_1_2 gfdl_1_3 gpl_1 gpl_2 gpl_3 lgpl_2_1 lgpl_3_0 mit mozilla_1_0
	mozilla_1_1 openssl perl_5 postgresql qpl_1_0 ssleay sun zlib open_source
	restricted unrestricted unknown);
my $URI = qr{^[A-Za-z][A-Za-z0-9+.-]*:\S+$};

sub term {	# at least two characters, no slash, backslash, space or control
	my ($v, $where) = @_;
	is_str($v) && $v =~ /^[^\/\\\s[:cntrl:]]{2,}$/ or err "$where: not a term (2+ characters, no / \\ space or control): ", JSON::PP->new->allow_nonref->encode($v);
}
sub version {
	my ($v, $where) = @_;
	is_str($v) && $v =~ /^$SEMVER$/ or err "$where: not a SemVer 2.0.0 version: ", $v // 'null';
}
sub nonempty {
	my ($v, $where) = @_;
	is_str($v) && length $v or err "$where: must be a non-empty string";
}
sub path {
	my ($v, $where) = @_;
	if (!is_str($v) || length $v < 2 || $v =~ m{^/|\\|(^|/)\.\.(/|$)}) {
		err "$where: not a relative Unix path inside the distribution: ", $v // 'null';
		return;
	}
	err "$where: $v is not in the distribution" if defined $dist && !-f "$dist/$v";
}
sub uri {
	my ($v, $where) = @_;
	is_str($v) && $v =~ $URI or err "$where: not a URI: ", $v // 'null';
}
sub keys_ok {	# the object's keys are among the allowed (or custom)
	my ($o, $where, @allowed) = @_;
	my %ok = map { $_ => 1 } @allowed;
	for (sort keys %$o) { err "$where: unknown key '$_'" unless $ok{$_} || custom($_) }
}

is_obj($meta) or do { print "$file: not a JSON object\n"; exit 1 };

for (qw(name version abstract maintainer license provides meta-spec)) {
	err "Missing mandatory field, '$_'" unless exists $meta->{$_};
}
keys_ok($meta, 'top level', qw(name version abstract maintainer license provides meta-spec
	description generated_by tags no_index prereqs release_status resources));

# meta-spec first: a consumer must stop if it does not know the version
if (my $ms = $meta->{'meta-spec'}) {
	if (is_obj($ms)) {
		keys_ok($ms, 'meta-spec', qw(version url));
		is_str($ms->{version}) && $ms->{version} =~ /^1\.0\.\d+$/
			or err "meta-spec.version: must be 1.0.x, not ", $ms->{version} // 'missing';
		!exists $ms->{url} || (is_str($ms->{url}) && $ms->{url} =~ m{^https?://pgxn\.org/meta/spec\.txt$})
			or err "meta-spec.url: must be https://pgxn.org/meta/spec.txt";
	} else { err "meta-spec: must be an object" }
}

term($meta->{name}, 'name') if exists $meta->{name};
version($meta->{version}, 'version') if exists $meta->{version};
nonempty($meta->{abstract}, 'abstract') if exists $meta->{abstract};
nonempty($meta->{$_}, $_) for grep { exists $meta->{$_} } qw(description generated_by);

if (exists $meta->{maintainer}) {
	my $m = $meta->{maintainer};
	if (is_arr($m)) {
		@$m or err "maintainer: empty list";
		nonempty($m->[$_], "maintainer[$_]") for 0 .. $#$m;
	} else { nonempty($m, 'maintainer') }
}

if (exists $meta->{license}) {
	my $l = $meta->{license};
	if (is_str($l)) { $LICENSES{$l} or err "license: '$l' is not a PGXN license shortcut" }
	elsif (is_arr($l)) {
		@$l or err "license: empty list";
		for (@$l) { is_str($_) && $LICENSES{$_} or err "license: '", $_ // 'null', "' is not a PGXN license shortcut" }
	} elsif (is_obj($l)) {
		%$l or err "license: empty object";
		uri($l->{$_}, "license.$_") for sort keys %$l;
	} else { err "license: must be a shortcut, a list of shortcuts or an object of URIs" }
}

if (exists $meta->{provides}) {
	my $p = $meta->{provides};
	if (is_obj($p) && %$p) {
		for my $ext (sort keys %$p) {
			term($ext, "provides key");
			my $e = $p->{$ext};
			is_obj($e) or do { err "provides.$ext: must be an object"; next };
			keys_ok($e, "provides.$ext", qw(file version abstract docfile));
			exists $e->{$_} or err "provides.$ext: missing mandatory field '$_'" for qw(file version);
			path($e->{file}, "provides.$ext.file") if exists $e->{file};
			version($e->{version}, "provides.$ext.version") if exists $e->{version};
			nonempty($e->{abstract}, "provides.$ext.abstract") if exists $e->{abstract};
			path($e->{docfile}, "provides.$ext.docfile") if exists $e->{docfile};
		}
	} else { err "provides: must be a non-empty object" }
}

if (exists $meta->{tags}) {
	my $t = $meta->{tags};
	if (is_arr($t) && @$t) {
		for (@$t) {
			is_str($_) && length($_) >= 2 && length($_) <= 255 && !/[\/\\[:cntrl:]]/
				or err "tags: '", $_ // 'null', "' is not a tag (2-255 characters, no / \\ or control)";
		}
	} else { err "tags: must be a non-empty list" }
}

if (exists $meta->{release_status}) {
	($meta->{release_status} // '') =~ /^(stable|testing|unstable)$/
		or err "release_status: must be stable, testing or unstable";
}

if (exists $meta->{no_index}) {
	my $n = $meta->{no_index};
	if (is_obj($n) && %$n) {
		keys_ok($n, 'no_index', qw(file directory));
		for my $k (grep { exists $n->{$_} } qw(file directory)) {
			my @v = is_arr($n->{$k}) ? @{ $n->{$k} } : ($n->{$k});
			@v or err "no_index.$k: empty list";
			nonempty($_, "no_index.$k") for @v;
		}
	} else { err "no_index: must be a non-empty object" }
}

if (exists $meta->{prereqs}) {
	my $pr = $meta->{prereqs};
	if (is_obj($pr) && %$pr) {
		keys_ok($pr, 'prereqs', qw(configure build test runtime develop));
		for my $phase (grep { !custom($_) } sort keys %$pr) {
			my $ph = $pr->{$phase};
			is_obj($ph) && %$ph or do { err "prereqs.$phase: must be a non-empty object"; next };
			keys_ok($ph, "prereqs.$phase", qw(requires recommends suggests conflicts));
			for my $rel (grep { !custom($_) } sort keys %$ph) {
				my $r = $ph->{$rel};
				is_obj($r) or do { err "prereqs.$phase.$rel: must be an object"; next };
				for my $dep (sort keys %$r) {
					term($dep, "prereqs.$phase.$rel key");
					my $v = $r->{$dep};
					(defined $v && !ref $v && ($v eq '0' || $v =~ /^$RANGE_ONE(?:,\s*$RANGE_ONE)*$/))
						or err "prereqs.$phase.$rel.$dep: not a version range: ", $v // 'null';
				}
			}
		}
	} else { err "prereqs: must be a non-empty object" }
}

if (exists $meta->{resources}) {
	my $r = $meta->{resources};
	if (is_obj($r) && %$r) {
		keys_ok($r, 'resources', qw(homepage bugtracker repository));
		uri($r->{homepage}, 'resources.homepage') if exists $r->{homepage};
		if (exists $r->{bugtracker}) {
			my $b = $r->{bugtracker};
			if (is_obj($b) && %$b) {
				keys_ok($b, 'resources.bugtracker', qw(web mailto));
				uri($b->{web}, 'resources.bugtracker.web') if exists $b->{web};
				!exists $b->{mailto} || (is_str($b->{mailto}) && $b->{mailto} =~ /^[^@\s]+@[^@\s]+$/)
					or err "resources.bugtracker.mailto: not an email address";
			} else { err "resources.bugtracker: must be a non-empty object" }
		}
		if (exists $r->{repository}) {
			my $g = $r->{repository};
			if (is_obj($g) && %$g) {
				keys_ok($g, 'resources.repository', qw(url web type));
				uri($g->{$_}, "resources.repository.$_") for grep { exists $g->{$_} } qw(url web);
				!exists $g->{type} || (is_str($g->{type}) && $g->{type} =~ /^[a-z]+$/)
					or err "resources.repository.type: must be a lower-case word (git, svn, ...)";
			} else { err "resources.repository: must be a non-empty object" }
		}
	} else { err "resources: must be a non-empty object" }
}

if (@errors) {
	print "$file is invalid. Errors:\n", map { "  $_\n" } @errors;
	exit 1;
}
print "$file is OK\n";
