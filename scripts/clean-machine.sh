#!/usr/bin/env bash
# Builds, tests and packages nft-tracer on freshly bootstrapped Debian 12 (bookworm) and Debian 13
# (trixie) machines, then installs the packages on another fresh machine of the same release.
#
# Usage: sudo scripts/clean-machine.sh [full|light]:SUITE ...   (default: full:trixie light:bookworm)
#   full   scripts/setup-deps.sh, the dev preset, the unit and gui tests, the .debs, their checks
#          (desktop-file-validate, appstreamcli validate, lintian) and the install test.
#   light  scripts/setup-deps.sh, a build without tests and benchmarks, the .debs, their checks
#          and the install test.
#   install the install test alone, of the .debs a previous stage left in NT_CLEAN_OUT/SUITE.
# The install test, in a fresh minimal chroot: `apt-get install ./nft-tracer_*.deb
# ./nft-tracer-cli_*.deb` resolves every dependency; nft-tracer-cli shows the shipped sample;
# nft-tracer --version runs offscreen; with the system bus and polkitd started, the installed
# helper is activated through the installed files and answers an allowed user, and polkit refuses
# a denied user; `apt-get purge` removes every installed file.
#
# Chroots are cached outside the clone and reused: NT_CHROOT_CACHE (/var/cache/nft-tracer/chroots)
# holds SUITE (debootstrap --variant=minbase) and SUITE-deps (SUITE + scripts/setup-deps.sh,
# redone when that script changes). Each run works on overlays over them, discarded afterwards.
# The compiler cache NT_CCACHE_DIR (/var/cache/ccache-nt) is shared with the chroots. The
# packages and logs land in NT_CLEAN_OUT (build/clean-machine in the clone).
# The archive is the one this machine's apt sources name (no mirror is written here).
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)

if [ "$(id -u)" -ne 0 ]; then
  echo "clean-machine.sh needs root (debootstrap, chroot, mounts): run it with sudo" >&2
  exit 1
fi
for tool in debootstrap mount chroot python3; do
  command -v "$tool" >/dev/null || {
    echo "$tool is missing: apt-get install debootstrap (scripts/setup-deps.sh installs it)" >&2
    exit 1
  }
done

cache=${NT_CHROOT_CACHE:-/var/cache/nft-tracer/chroots}
ccache_dir=${NT_CCACHE_DIR:-/var/cache/ccache-nt}
out=${NT_CLEAN_OUT:-$src/build/clean-machine}
stages=("$@")
[ ${#stages[@]} -gt 0 ] || stages=(full:trixie light:bookworm)
mkdir -p "$cache" "$ccache_dir" "$out"

# The Debian archive and security URIs of this machine's apt sources (one-line or deb822).
read -r archive_uri security_uri < <(python3 - <<'EOF'
import glob, re
files = ["/etc/apt/sources.list"] + sorted(glob.glob("/etc/apt/sources.list.d/*.list")) \
    + sorted(glob.glob("/etc/apt/sources.list.d/*.sources"))
entries = []  # (uri, suite)
for path in files:
    try:
        text = open(path, encoding="utf-8").read()
    except OSError:
        continue
    if path.endswith(".sources"):
        for block in re.split(r"\n\s*\n", text):
            fields = {}
            for line in block.splitlines():
                if line.startswith("#") or ":" not in line or line[0].isspace():
                    continue
                k, v = line.split(":", 1)
                fields[k.strip().lower()] = v.split()
            if "deb" not in fields.get("types", []) or fields.get("enabled", ["yes"]) == ["no"]:
                continue
            entries += [(u, s) for u in fields.get("uris", []) for s in fields.get("suites", [])]
    else:
        for line in text.splitlines():
            words = re.sub(r"\[[^]]*\]", "", line.split("#", 1)[0]).split()
            if len(words) >= 3 and words[0] == "deb":
                entries.append((words[1], words[2]))
codenames = ("bookworm", "trixie", "forky", "sid", "stable", "testing", "unstable", "oldstable")
archive = next((u for u, s in entries if s in codenames), "")
security = next((u for u, s in entries if s.endswith("-security")), "")
print(archive.rstrip("/") or "-", security.rstrip("/") or "-")
EOF
)
if [ "$archive_uri" = "-" ]; then
  echo "no Debian archive (deb URI with a release suite) in /etc/apt/sources.list*" >&2
  exit 1
fi

mounts=()
runs=()
cleanup() {
  local i
  for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
    umount -l "${mounts[$i]}" 2>/dev/null || true
  done
  mounts=()
}
# On the way out (also after a failure): the mounts, then the overlays' directories.
cleanup_all() {
  cleanup
  [ ${#runs[@]} -eq 0 ] || rm -rf "${runs[@]}"
}
trap cleanup_all EXIT
mnt() { # mount ARGS... TARGET
  mount "$@"
  mounts+=("${!#}")
}

stamp() { date +%s; }
log() { echo "== $*" >&2; }

# SUITE: a minimal Debian with the archive (and security) sources of this machine.
base_chroot() {
  local suite=$1 dir=$cache/$1
  if [ ! -x "$dir/usr/bin/apt-get" ]; then
    log "debootstrap $suite"
    rm -rf "$dir.tmp"
    debootstrap --variant=minbase "$suite" "$dir.tmp" "$archive_uri" >&2
    {
      echo "deb $archive_uri $suite main"
      echo "deb $archive_uri $suite-updates main"
      [ "$security_uri" = "-" ] || echo "deb $security_uri $suite-security main"
    } > "$dir.tmp/etc/apt/sources.list"
    echo 'APT::Install-Recommends "false";' > "$dir.tmp/etc/apt/apt.conf.d/90nt-norecommends"
    mv "$dir.tmp" "$dir"
  fi
}

# Mounts the kernel file systems, the apt cache and /run into a chroot at ROOT.
enter_mounts() {
  local root=$1 suite=$2
  mnt -t proc proc "$root/proc"
  mnt -t sysfs sys "$root/sys"
  mnt --rbind /dev "$root/dev"
  mnt -t tmpfs tmpfs "$root/run"
  mnt -t tmpfs tmpfs "$root/tmp"
  mkdir -p "$cache/$suite-apt"
  mnt --bind "$cache/$suite-apt" "$root/var/cache/apt/archives"
  cp /etc/resolv.conf "$root/etc/resolv.conf" 2>/dev/null || true
}
leave_mounts() {
  cleanup
}

# A new directory for an overlay over a chroot (the overlay itself: overlay_mount).
overlay_dir() {
  local dir
  dir=$(mktemp -d "$cache/run-$1-XXXXXX")
  mkdir -p "$dir/upper" "$dir/work" "$dir/root"
  echo "$dir"
}
overlay_mount() { # LOWER DIR
  runs+=("$2")
  mnt -t overlay overlay -o "lowerdir=$1,upperdir=$2/upper,workdir=$2/work" "$2/root"
}

# SUITE-deps: SUITE with scripts/setup-deps.sh and the package checkers, redone when
# setup-deps.sh changes.
deps_chroot() {
  local suite=$1 dir=$cache/$1-deps sum
  sum=$(sha256sum scripts/setup-deps.sh | cut -d' ' -f1)
  if [ -f "$dir/.nt-setup-deps" ] && [ "$(cat "$dir/.nt-setup-deps")" = "$sum" ]; then
    return
  fi
  log "setup-deps in $suite"
  rm -rf "$dir.tmp"
  cp -a "$cache/$suite" "$dir.tmp"
  enter_mounts "$dir.tmp" "$suite"
  cp scripts/setup-deps.sh "$dir.tmp/tmp/setup-deps.sh"
  chroot "$dir.tmp" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root \
    bash -c "apt-get update -q && /tmp/setup-deps.sh && DEBIAN_FRONTEND=noninteractive \
      apt-get install -y -q git ccache lintian desktop-file-utils appstream" >&2
  leave_mounts
  echo "$sum" > "$dir.tmp/.nt-setup-deps"
  rm -rf "$dir"
  mv "$dir.tmp" "$dir"
}

# Builds (and for `full` tests) the clone's HEAD in an overlay of SUITE-deps; the .debs and the
# check logs go to $out/SUITE.
build_stage() {
  local kind=$1 suite=$2 run root rel
  run=$(overlay_dir "$suite-build")
  overlay_mount "$cache/$suite-deps" "$run"
  root=$run/root
  enter_mounts "$root" "$suite"
  mkdir -p "$root/src" "$root/ccache"
  git archive --format=tar HEAD | tar -x -C "$root/src"
  mnt --bind "$ccache_dir" "$root/ccache"
  rel=$(. "$root/etc/os-release" && echo "1~deb${VERSION_ID}")
  local configure
  if [ "$kind" = full ]; then
    configure="cmake --preset dev -DNT_DEB_RELEASE=$rel"
  else
    configure="cmake --preset dev -DNT_DEB_RELEASE=$rel -DNT_BUILD_TESTS=OFF -DNT_BUILD_BENCH=OFF"
  fi
  local tests=true
  if [ "$kind" = full ]; then
    tests="ctest --test-dir build/dev --output-on-failure -j2 --timeout 300 -L 'unit|gui' -LE dbus"
  fi
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    CCACHE_DIR=/ccache CCACHE_BASEDIR=/src CMAKE_CXX_COMPILER_LAUNCHER=ccache \
    CMAKE_C_COMPILER_LAUNCHER=ccache NFT_TRACER_CI=1 \
    bash -euc "cd /src && ./scripts/setup-deps.sh && $configure && \
      cmake --build build/dev -j$(nproc) && $tests && \
      (cd build/dev && cpack -G DEB) && \
      desktop-file-validate packaging/desktop/io.github.nfttracer.NftTracer.desktop && \
      appstreamcli validate --no-net packaging/desktop/io.github.nfttracer.NftTracer.metainfo.xml && \
      lintian build/dev/*.deb > build/dev/lintian.log 2>&1; \
      cat build/dev/lintian.log; ! grep -q '^E:' build/dev/lintian.log" >&2
  mkdir -p "$out/$suite"
  rm -f "$out/$suite"/*.deb
  cp "$root"/src/build/dev/*.deb "$root/src/build/dev/lintian.log" "$out/$suite/"
  leave_mounts
  rm -rf "$run"
}

# Installs the .debs into an overlay of the fresh SUITE and checks what they do.
install_stage() {
  local suite=$1 run root
  run=$(overlay_dir "$suite-install")
  overlay_mount "$cache/$suite" "$run"
  root=$run/root
  enter_mounts "$root" "$suite"
  mkdir -p "$root/debs"
  cp "$out/$suite"/*.deb "$root/debs/"
  cp scripts/install-test.sh "$root/install-test.sh"
  chroot "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 \
    bash /install-test.sh /debs > "$out/$suite/install-test.log" 2>&1 || {
    cat "$out/$suite/install-test.log"
    echo "install test on $suite failed (log: $out/$suite/install-test.log)" >&2
    leave_mounts
    rm -rf "$run"
    return 1
  }
  cat "$out/$suite/install-test.log"
  leave_mounts
  rm -rf "$run"
}

# How long STEP of the current stage took, as it ends (also in $out/timings.txt).
lap() {
  local now
  now=$(stamp)
  echo "$stage: $1 $((now - t)) s; cache $(du -shx "$cache" | cut -f1)" | tee -a "$out/timings.txt"
  t=$now
}

for stage in "${stages[@]}"; do
  kind=${stage%%:*}
  suite=${stage#*:}
  case "$kind" in
    full | light | install) ;;
    *) echo "unknown stage $stage (full:SUITE, light:SUITE or install:SUITE)" >&2; exit 2 ;;
  esac
  t=$(stamp)
  base_chroot "$suite"
  lap debootstrap
  if [ "$kind" != install ]; then
    deps_chroot "$suite"
    lap setup-deps
    build_stage "$kind" "$suite"
    lap "build, tests, packages and their checks"
  fi
  install_stage "$suite"
  lap "install test"
done
