#!/usr/bin/env bash
# Boots a kernel from scripts/vm-kernel.sh in qemu (TCG, no KVM needed) with a throwaway
# initramfs, runs one scenario script inside as root, and brings back what it wrote to /out.
#
#   tests/vm/run-vm.sh --kernel DIR --scenario FILE --out DIR [options] [-- SCENARIO ARGS]
#
#   --kernel DIR        a kernel folder of scripts/vm-kernel.sh (vmlinuz, modules, release)
#   --scenario FILE     shell script run by the guest's busybox sh as /scenario.sh; the
#                       SCENARIO ARGS are its "$@". Header lines declare what it needs:
#                         # vm-modules: veth nf_tables   (loaded with their dependencies)
#                         # vm-tools: ip nft nc          (host commands, copied with their libs)
#   --bin PATH[=GUEST]  one of our binaries (default guest path /usr/bin/NAME), with its libs
#   --module NAME, --tool NAME   more of the same as the header lines
#   --env NAME=VALUE    set in the scenario's environment (e.g. NFT_TRACER_DEBUG=1)
#   --out DIR           receives the guest's /out, console.log (kernel and scenario output)
#   --timeout S (300)  --memory MB (1024)  --cpus N (1)
#
# The exit status is the scenario's; 125 when the VM gave no result (boot failure, kernel panic,
# timeout: see DIR/console.log). Results leave the guest as a base64 tar on a second serial
# port, so kernel messages on the console cannot mix into them.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
kernel='' scenario='' out='' timeout_s=300 memory=1024 cpus=1
bins=() modules=() tools=() envs=()
while [ $# -gt 0 ]; do
    case "$1" in
    --kernel) kernel=$2; shift 2 ;;
    --scenario) scenario=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --bin) bins+=("$2"); shift 2 ;;
    --module) modules+=("$2"); shift 2 ;;
    --tool) tools+=("$2"); shift 2 ;;
    --env) envs+=("$2"); shift 2 ;;
    --timeout) timeout_s=$2; shift 2 ;;
    --memory) memory=$2; shift 2 ;;
    --cpus) cpus=$2; shift 2 ;;
    -h | --help) sed -n '2,/^set -euo/{/^set -euo/d;s/^# \{0,1\}//;p}' "$0"; exit 0 ;;
    --) shift; break ;;
    *) echo "run-vm: unknown option $1" >&2; exit 2 ;;
    esac
done
die() { echo "run-vm: $*" >&2; exit 125; }
if [ -z "$kernel" ] || [ -z "$scenario" ] || [ -z "$out" ]; then
    echo "usage: $0 --kernel DIR --scenario FILE --out DIR [options] [-- ARGS]" >&2
    exit 2
fi
if [ ! -f "$kernel/vmlinuz" ] || [ ! -f "$kernel/release" ]; then
    die "$kernel is not a kernel folder"
fi
[ -f "$scenario" ] || die "no scenario $scenario"
command -v qemu-system-x86_64 >/dev/null || die "qemu-system-x86_64 is missing"
[ -x /bin/busybox ] || die "/bin/busybox is missing (apt-get install busybox-static)"
release=$(cat "$kernel/release")

read -r -a more <<<"$(sed -n 's/^# vm-modules://p' "$scenario" | tr '\n' ' ')"
modules+=("${more[@]}")
read -r -a more <<<"$(sed -n 's/^# vm-tools://p' "$scenario" | tr '\n' ' ')"
tools+=("${more[@]}")

work=$(mktemp -d "${TMPDIR:-/tmp}/nt-vm.XXXXXX")
trap 'rm -rf "$work"' EXIT
root=$work/root
# A merged-/usr tree, like the host's: library paths from ldd are valid as they are.
mkdir -p "$root"/usr/{bin,sbin,lib,lib64} "$root"/{etc,proc,sys,dev,run,tmp,out,root}
for d in bin sbin lib lib64; do ln -s "usr/$d" "$root/$d"; done
cp /bin/busybox "$root/usr/bin/busybox"

# A file and the shared libraries it links, at their host paths.
add_elf() { # HOSTFILE GUESTPATH
    mkdir -p "$root$(dirname "$2")"
    cp -L "$1" "$root$2"
    local lib
    while read -r lib; do
        [ -e "$root$lib" ] || { mkdir -p "$root$(dirname "$lib")" && cp -L "$lib" "$root$lib"; }
    done < <(ldd "$1" 2>/dev/null | awk '$2 == "=>" && $3 ~ /^\// { print $3 } $1 ~ /^\// { print $1 }')
}
# Scripts run under the host's dash: busybox's own sh runs its applets before PATH, so a
# scenario's `ip` would be busybox's and not iproute2's.
add_elf "$(readlink -f /bin/sh)" /usr/bin/dash
ln -s dash "$root/usr/bin/sh"
for t in "${tools[@]}"; do
    p=$(command -v "$t") || die "host tool $t is missing"
    add_elf "$p" "$p"
done
for b in "${bins[@]}"; do
    host=${b%%=*} guest=${b#*=}
    [ "$guest" != "$b" ] || guest=/usr/bin/$(basename "$host")
    [ -f "$host" ] || die "no binary $host (build it first)"
    add_elf "$host" "$guest"
    # Debug information only makes the initramfs bigger and slower to build and unpack.
    ! command -v strip >/dev/null || strip --strip-debug "$root$guest"
done

# Kernel modules with their dependencies, in load order, uncompressed (busybox insmod).
mkdir -p "$root/usr/lib/nt-modules"
: >"$root/etc/nt-modules"
for m in "${modules[@]}"; do
    deps=$(modprobe -d "$kernel/root" -S "$release" --show-depends "$m" 2>&1) ||
        die "the $release kernel has no module $m: $deps"
    while read -r kind path _; do
        [ "$kind" = insmod ] || continue
        name=$(basename "$path")
        name=${name%.xz} name=${name%.zst} name=${name%.gz}
        grep -qx "$name" "$root/etc/nt-modules" && continue
        case "$path" in
        *.xz) xz -dc "$path" >"$root/usr/lib/nt-modules/$name" ;;
        *.zst) zstd -qdc "$path" >"$root/usr/lib/nt-modules/$name" ;;
        *.gz) gzip -dc "$path" >"$root/usr/lib/nt-modules/$name" ;;
        *) cp "$path" "$root/usr/lib/nt-modules/$name" ;;
        esac
        echo "$name" >>"$root/etc/nt-modules"
    done <<<"$deps"
done

cp "$here/init.sh" "$root/init"
cp "$scenario" "$root/scenario.sh"
chmod +x "$root/init" "$root/scenario.sh"
# The scenario's arguments and environment, quoted for the guest's shell.
quote() { printf "'%s'" "$(printf '%s' "$1" | sed "s/'/'\\\\''/g")"; }
: >"$root/etc/nt-args"
for a in "$@"; do
    printf '%s ' "$(quote "$a")" >>"$root/etc/nt-args"
done
: >"$root/etc/nt-env"
for e in "${envs[@]}"; do
    [[ $e == [A-Za-z_]*=* ]] || die "--env wants NAME=VALUE, not $e"
    printf 'export %s=%s\n' "${e%%=*}" "$(quote "${e#*=}")" >>"$root/etc/nt-env"
done

(cd "$root" && find . -print0 | cpio --null -o -H newc --quiet) >"$work/initrd.cpio"
echo "run-vm: initramfs $(($(stat -c %s "$work/initrd.cpio") / 1048576)) MiB in $SECONDS s" >&2
started=$SECONDS

mkdir -p "$out"
rm -f "$out/console.log"
status=0
timeout -s KILL "$timeout_s" qemu-system-x86_64 -nodefaults -no-user-config -accel tcg -cpu max \
    -m "$memory" -smp "$cpus" -kernel "$kernel/vmlinuz" -initrd "$work/initrd.cpio" \
    -append "console=ttyS0 panic=-1 oops=panic quiet" -display none -monitor none -nic none \
    -no-reboot -serial "file:$out/console.log" -serial "file:$work/data.log" || status=$?
echo "run-vm: the VM ran $((SECONDS - started)) s" >&2
[ "$status" = 0 ] || echo "run-vm: qemu exited with $status (137: killed after ${timeout_s}s)" >&2

rc=$(sed -n 's/^NT-VM-RC=\([0-9]*\).*/\1/p' "$work/data.log" | tail -n 1)
[ -n "$rc" ] || die "the VM gave no result; its console is in $out/console.log:
$(tail -n 30 "$out/console.log")"
sed -n '/^NT-VM-OUT-BEGIN/,/^NT-VM-OUT-END/{/^NT-VM-OUT/d;p}' "$work/data.log" | tr -d '\r' |
    base64 -d | tar -xz -C "$out" || die "the VM's result archive is damaged"
exit "$rc"
