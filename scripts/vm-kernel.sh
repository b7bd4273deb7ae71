#!/usr/bin/env bash
# Fetches Debian's cloud kernel for a suite (bookworm = Debian 12, trixie = Debian 13) into a
# cache folder for the VM tests, and prints the folder. Nothing is installed on this machine and
# its apt configuration is left alone: apt runs with a private state whose source lines are the
# machine's own Debian sources with the suite's codename put in.
#
#   scripts/vm-kernel.sh SUITE...        fetch (or reuse) and print each kernel's folder
#   scripts/vm-kernel.sh --check SUITE   print the folder when cached, fail otherwise
#   scripts/vm-kernel.sh --sources SUITE print the source lines apt would use for SUITE
#
# Cache: $NT_VM_CACHE, default /var/cache/nft-tracer/vm. Each SUITE/ holds vmlinuz, the unpacked
# package in root/, modules (a link to its /lib/modules/RELEASE) and `release` (the kernel
# release).
# A cached kernel is reused; NT_VM_REFRESH=1 looks for a newer one.
set -euo pipefail

cache=${NT_VM_CACHE:-/var/cache/nft-tracer/vm}
etc=${NT_VM_APT_ETC:-/etc/apt}        # the machine's apt configuration (read only)
osrelease=${NT_VM_OS_RELEASE:-/etc/os-release}
check=0 sources=0
case "${1:-}" in
--check) check=1; shift ;;
--sources) sources=1; shift ;;
esac
[ $# -gt 0 ] || { echo "usage: $0 [--check] SUITE..." >&2; exit 2; }

die() { echo "vm-kernel: $*" >&2; exit 1; }

# The machine's codename, the one its sources name.
host_codename() {
    local name
    name=$(sed -n 's/^VERSION_CODENAME=["'"'"']\{0,1\}\([a-z]*\).*/\1/p' "$osrelease")
    [ -n "$name" ] || die "$osrelease names no VERSION_CODENAME"
    echo "$name"
}

# One-line sources ("deb [opts] URI SUITE COMPONENTS") from the machine's apt sources, both
# formats, keeping the entries of the machine's own codename (SUITE, SUITE-updates,
# SUITE-security) with that codename replaced by $1.
derive_sources() {
    local target=$1 host
    host=$(host_codename)
    local files=()
    [ -f "$etc/sources.list" ] && files+=("$etc/sources.list")
    for f in "$etc"/sources.list.d/*.list "$etc"/sources.list.d/*.sources; do
        [ -f "$f" ] && files+=("$f")
    done
    [ ${#files[@]} -gt 0 ] || die "no apt sources in $etc"
    local f
    for f in "${files[@]}"; do
        awk -v host="$host" -v target="$target" -v deb822="$([[ $f == *.sources ]] && echo 1 || echo 0)" '
            function flush() {
                if (types ~ /(^| )deb( |$)/ && enabled != "no") {
                    n = split(uris, u, " "); m = split(suites, s, " ")
                    for (i = 1; i <= n; i++) for (j = 1; j <= m; j++) emit(opts, u[i], s[j], comps)
                }
                types = uris = suites = comps = opts = enabled = ""
            }
            function emit(o, uri, suite, c) {
                if (suite != host && index(suite, host "-") != 1) return
                sub("^" host, target, suite)
                print "deb " (o != "" ? "[" o "] " : "") uri " " suite " " c
            }
            deb822 && /^[ \t]*$/ { flush(); next }
            /^[ \t]*#/ { next }
            deb822 {
                key = $1; sub(/:$/, "", key); val = $0; sub(/^[^:]*:[ \t]*/, "", val)
                if (key == "Types") types = val
                else if (key == "URIs") uris = val
                else if (key == "Suites") suites = val
                else if (key == "Components") comps = val
                else if (key == "Enabled") enabled = val
                else if (key == "Signed-By") opts = "signed-by=" val
                next
            }
            $1 == "deb" {
                o = ""; i = 2
                if ($2 ~ /^\[/) {
                    while (i <= NF) { o = o (o == "" ? "" : " ") $i; if ($i ~ /\]$/) { i++; break } i++ }
                    gsub(/^\[|\]$/, "", o)
                }
                c = ""
                for (k = i + 2; k <= NF; k++) c = c (c == "" ? "" : " ") $k
                emit(o, $i, $(i + 1), c)
            }
            END { if (deb822) flush() }
        ' "$f"
    done | awk '!seen[$0]++'
}

fetch() {
    local suite=$1 dir=$cache/$1
    # One fetch per suite at a time (tests running in parallel share the cache).
    mkdir -p "$cache"
    exec 9>"$cache/.$suite.lock"
    flock 9
    if [ -f "$dir/release" ] && [ -f "$dir/vmlinuz" ] && [ -f "$dir/modules/modules.dep" ] &&
        [ "${NT_VM_REFRESH:-0}" != 1 ]; then
        exec 9>&-
        echo "$dir"
        return
    fi
    [ "$check" = 0 ] || die "no $suite kernel cached in $dir (run: $0 $suite)"
    command -v apt-get >/dev/null || die "apt-get is missing"
    command -v dpkg-deb >/dev/null || die "dpkg-deb is missing"
    command -v depmod >/dev/null || die "depmod is missing (apt-get install kmod)"

    local apt=$dir/apt
    mkdir -p "$apt/lists/partial" "$apt/cache/archives/partial" "$apt/parts" "$dir/debs"
    derive_sources "$suite" >"$apt/sources.list"
    [ -s "$apt/sources.list" ] ||
        die "the apt sources in $etc have no entry for $(host_codename) to derive $suite from"
    : >"$apt/status"
    local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o "Dir::Etc::SourceParts=$apt/parts"
        -o "Dir::State=$apt" -o "Dir::State::Lists=$apt/lists" -o "Dir::State::status=$apt/status"
        -o "Dir::Cache=$apt/cache" -o "Dir::Cache::archives=$apt/cache/archives"
        -o "APT::Get::List-Cleanup=false" -o "Debug::NoLocking=true" -o "APT::Sandbox::User=root")
    echo "vm-kernel: apt-get update for $suite ($(wc -l <"$apt/sources.list") source lines)" >&2
    apt-get "${opts[@]}" -qq update >&2 || die "apt-get update for $suite failed"

    # The metapackage depends on the versioned image package: that one holds the kernel.
    local pkg
    pkg=$(apt-cache "${opts[@]}" depends linux-image-cloud-amd64 |
        awk '$1 == "Depends:" && $2 ~ /^linux-image-.*-cloud-amd64(-unsigned)?$/ { print $2; exit }')
    [ -n "$pkg" ] || die "no linux-image-cloud-amd64 in $suite"
    echo "vm-kernel: $suite: downloading $pkg" >&2
    rm -f "$dir"/debs/*.deb
    (cd "$dir/debs" && apt-get "${opts[@]}" -qq download "$pkg") >&2 ||
        die "apt-get download $pkg failed"

    rm -rf "$dir/root" "$dir/release" "$dir/vmlinuz"
    dpkg-deb -x "$dir"/debs/*.deb "$dir/root"
    local image
    image=$(find "$dir/root/boot" -name 'vmlinuz-*' 2>/dev/null | head -n 1)
    [ -n "$image" ] || die "$pkg holds no /boot/vmlinuz"
    ln -sf "${image#"$dir"/}" "$dir/vmlinuz"
    basename "$image" | sed 's/^vmlinuz-//' >"$dir/release"
    local mods
    for mods in "$dir/root/lib/modules" "$dir/root/usr/lib/modules" ""; do
        [ -z "$mods" ] || [ ! -d "$mods/$(cat "$dir/release")" ] || break
    done
    [ -n "$mods" ] || die "$pkg holds no modules"
    ln -sfn "${mods#"$dir"/}/$(cat "$dir/release")" "$dir/modules"
    # The package ships no modules.dep (installing generates it): make it, for modprobe -d.
    if [ ! -d "$dir/root/lib/modules" ]; then
        mkdir -p "$dir/root/lib"
        ln -sfn ../usr/lib/modules "$dir/root/lib/modules"
    fi
    depmod -b "$dir/root" "$(cat "$dir/release")" || die "depmod of the $suite modules failed"
    rm -rf "$dir/debs"
    exec 9>&-
    echo "$dir"
}

for s in "$@"; do
    case "$s" in
    bookworm | trixie)
        if [ "$sources" = 1 ]; then
            derive_sources "$s"
        else
            fetch "$s"
        fi
        ;;
    *) die "unknown suite '$s' (bookworm or trixie)" ;;
    esac
done
