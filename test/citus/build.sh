#!/bin/bash
# test/citus/build.sh: build Citus once per (tarball sha256, PostgreSQL major.minor),
# stage it with DESTDIR, and on every run copy the staged files into the
# server's pkglibdir / sharedir / extension dir.
#
#   PG_CONFIG=/usr/lib/postgresql/15/bin/pg_config test/citus/build.sh
#
# Environment:
#   PG_CONFIG     pg_config of the target server (default: /usr/lib/postgresql/15/bin/pg_config)
#   CITUS_SRC     directory with citus-*.tar.gz and the pg15.20 patch
#                 (default /work/shared/third-party/citus)
#   CITUS_CACHE   cache root (default /var/cache/regionpolicy/citus)
#   CITUS_JOBS    make -j (default: nproc)
#   CITUS_NO_INSTALL=1  only build/stage, do not copy into the server
#
# Layout:
#   $CITUS_CACHE/build-<major>/              scratch build tree (unpacked source)
#   $CITUS_CACHE/<major>/<key>/stage/        DESTDIR of `make install`
#   $CITUS_CACHE/<major>/<key>/STAMP         written last: a stage without it is incomplete
#   $CITUS_CACHE/<major>/stage -> <key>/stage   convenience link to the current stage
# key = citus-<version>-<sha256[0:16]>-pg<major.minor>[-p<patch sha[0:8]>]
set -euo pipefail

PG_CONFIG=${PG_CONFIG:-/usr/lib/postgresql/15/bin/pg_config}
# the release source: beside the tree (../shared/third-party/citus), or
# where the project keeps it for every clone
if [ -z "${CITUS_SRC:-}" ]; then
    for d in "$(cd "$(dirname "$0")/../.." && pwd)/../shared/third-party/citus" /work/shared/third-party/citus; do
        [ -d "$d" ] && CITUS_SRC=$d && break
    done
fi
[ -n "${CITUS_SRC:-}" ] || { echo "citus-cache: no Citus source (set CITUS_SRC)" >&2; exit 1; }
CITUS_CACHE=${CITUS_CACHE:-/var/cache/regionpolicy/citus}
CITUS_JOBS=${CITUS_JOBS:-$(nproc)}

tarball=$(ls "$CITUS_SRC"/citus-*.tar.gz | sort -V | tail -1)
citus_version=$(basename "$tarball" .tar.gz); citus_version=${citus_version#citus-}
sha=$(sha256sum "$tarball" | cut -d' ' -f1)

pg_version=$("$PG_CONFIG" --version)             # PostgreSQL 15.20 (Debian ...)
pg_mm=$(sed -E 's/^PostgreSQL ([0-9]+)\.([0-9]+).*/\1.\2/' <<<"$pg_version")
pg_major=${pg_mm%%.*}; pg_minor=${pg_mm#*.}

# The patch is only needed for PG 15.20+ headers (have_createdb_privilege is
# declared there) — older 15.x minors would fail to build with it applied
# (undeclared citus_have_createdb_privilege is fine, but keep it minimal).
patch_file=""
if [ "$pg_major" = 15 ] && [ "$pg_minor" -ge 20 ] \
   && grep -q 'have_createdb_privilege' "$($PG_CONFIG --includedir-server)/commands/dbcommands.h" 2>/dev/null; then
    patch_file=$(ls "$CITUS_SRC"/pg15.20-*.patch 2>/dev/null | head -1 || true)
fi
key="citus-${citus_version}-${sha:0:16}-pg${pg_mm}"
[ -n "$patch_file" ] && key="$key-p$(sha256sum "$patch_file" | cut -c1-8)"

cache_dir="$CITUS_CACHE/$pg_major/$key"
stage="$cache_dir/stage"
build="$CITUS_CACHE/build-$pg_major"

mkdir -p "$CITUS_CACHE/$pg_major"
exec 9>"$CITUS_CACHE/.$pg_major.lock"
flock 9

if [ -f "$cache_dir/STAMP" ]; then
    echo "citus-cache: hit $cache_dir"
else
    echo "citus-cache: miss, building $key in $build"
    t0=$(date +%s)
    rm -rf "$build" "$cache_dir"
    mkdir -p "$build"
    tar -xzf "$tarball" -C "$build" --strip-components=1 2>/dev/null \
        || tar -xzf "$tarball" -C "$build"
    # git-archive tarballs may have a top directory or not
    if [ ! -f "$build/configure" ]; then
        sub=$(find "$build" -maxdepth 2 -name configure -printf '%h\n' | head -1)
        [ -n "$sub" ] && build=$sub
    fi
    cd "$build"
    if [ -n "$patch_file" ]; then
        echo "citus-cache: applying $(basename "$patch_file")"
        patch -p1 <"$patch_file"
    fi
    ./configure PG_CONFIG="$PG_CONFIG" >"$CITUS_CACHE/$pg_major/$key.configure.log" 2>&1 \
        || { tail -30 "$CITUS_CACHE/$pg_major/$key.configure.log"; exit 1; }
    make -j"$CITUS_JOBS" >"$CITUS_CACHE/$pg_major/$key.make.log" 2>&1 \
        || { grep -E 'error|Error' "$CITUS_CACHE/$pg_major/$key.make.log" | head -30; exit 1; }
    mkdir -p "$stage"
    make install DESTDIR="$stage" >"$CITUS_CACHE/$pg_major/$key.install.log" 2>&1
    {
        echo "citus_version=$citus_version"
        echo "tarball_sha256=$sha"
        echo "pg_version=$pg_version"
        echo "patch=${patch_file:+$(basename "$patch_file")}"
        echo "built=$(date -u +%FT%TZ) seconds=$(( $(date +%s) - t0 ))"
    } >"$cache_dir/STAMP"
    ln -sfn "$key/stage" "$CITUS_CACHE/$pg_major/stage"
    echo "citus-cache: built in $(( $(date +%s) - t0 ))s"
fi

if [ "${CITUS_NO_INSTALL:-0}" = 1 ]; then
    exit 0
fi

# Install: copy only what `make install` staged under the server's own dirs.
pkglibdir=$("$PG_CONFIG" --pkglibdir)
sharedir=$("$PG_CONFIG" --sharedir)
includedir=$("$PG_CONFIG" --includedir-server)
dirs=("$pkglibdir" "$sharedir")
[ "${CITUS_INSTALL_HEADERS:-0}" = 1 ] && dirs+=("$includedir")
for d in "${dirs[@]}"; do
    # copies only the files citus staged under that directory
    [ -d "$stage$d" ] && cp -a "$stage$d/." "$d/"
done
echo "citus-cache: installed $(cd "$stage" && find . -type f | wc -l) staged files (headers: ${CITUS_INSTALL_HEADERS:-0}) from $stage"
