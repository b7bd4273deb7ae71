#!/usr/bin/env bash
# The install test of the Debian packages, run as root on a fresh Debian 12 or 13 (a chroot made
# by scripts/clean-machine.sh, or a throwaway machine), following the README's install and
# authorisation steps:
#   install-test.sh DIR      DIR holds nft-tracer_*.deb and nft-tracer-cli_*.deb
# It installs both with apt-get (every dependency resolved from the archive), reads the shipped
# sample with nft-tracer-cli, runs nft-tracer --version offscreen, starts the system bus and
# polkitd when none runs, lets a group trace with a polkit rule as the README shows, checks that
# the installed helper is activated through the installed files and answers a member of that
# group while polkit refuses another user, then purges both packages and checks that every file
# they installed is gone.
set -euo pipefail
debs=$(cd "${1:?usage: install-test.sh DIR-WITH-DEBS}" && pwd)
export DEBIAN_FRONTEND=noninteractive
fail() {
  echo "FAIL: $*" >&2
  exit 1
}
step() { echo "== $*"; }

group=nft-tracer
allow=nt-install-allow
deny=nt-install-deny
rule=/etc/polkit-1/rules.d/50-nft-tracer.rules
pids=()
finish() {
  local p
  for p in "${pids[@]}"; do
    kill "$p" 2>/dev/null || true
  done
  rm -f "$rule"
  userdel "$allow" 2>/dev/null || true
  userdel "$deny" 2>/dev/null || true
  groupdel "$group" 2>/dev/null || true
}
trap finish EXIT

step "apt-get install"
apt-get update -q
apt-get install -y -q "$debs"/nft-tracer_*.deb "$debs"/nft-tracer-cli_*.deb
dpkg-query -W nft-tracer nft-tracer-cli
files=$(dpkg -L nft-tracer nft-tracer-cli | sort -u)
step "installed files"
while read -r f; do
  [ -d "$f" ] || echo "$f"
done <<< "$files"

step "nft-tracer-cli show the sample"
out=$(nft-tracer-cli show /usr/share/nft-tracer/sample.nftrace)
echo "$out" | head -n 5
grep -q "PACKET TRACE" <<< "$out" || fail "nft-tracer-cli show printed no packet"

step "nft-tracer --version, offscreen"
version=$(QT_QPA_PLATFORM=offscreen nft-tracer --version)
echo "$version"
grep -q "^nft-tracer " <<< "$version" || fail "nft-tracer --version printed: $version"

step "system bus and polkitd"
if [ ! -S /run/dbus/system_bus_socket ]; then
  mkdir -p /run/dbus
  dbus-daemon --system --fork --print-pid=1 > /run/nt-install-dbus.pid
  pids+=("$(cat /run/nt-install-dbus.pid)")
fi
if ! dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.PolicyKit1 | grep -q true; then
  /usr/lib/polkit-1/polkitd --no-debug > /run/nt-install-polkitd.log 2>&1 &
  pids+=("$!")
fi
for _ in $(seq 100); do
  dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.NameHasOwner string:org.freedesktop.PolicyKit1 | grep -q true && break
  sleep 0.1
done

step "polkit rule for group $group (README: Authorisation)"
groupadd --system "$group"
useradd -m -G "$group" "$allow"
useradd -m "$deny"
cat > "$rule" <<'EOF'
// Members of the group nft-tracer trace and read the ruleset without a password.
polkit.addRule(function(action, subject) {
    if (action.id.indexOf("io.github.nfttracer.") == 0 && subject.isInGroup("nft-tracer")) {
        return polkit.Result.YES;
    }
});
EOF
sleep 1 # polkitd reads new rules when the directory changes

call() { # USER METHOD ARGS...
  local user=$1 method=$2
  shift 2
  runuser -u "$user" -- dbus-send --system --print-reply --reply-timeout=30000 \
    --dest=io.github.nfttracer.Helper /io/github/nfttracer/Helper \
    "io.github.nfttracer.Helper1.$method" "$@" 2>&1 || true
}

step "Capabilities() as $allow: the bus activates the installed helper"
caps=$(call "$allow" Capabilities)
echo "$caps" | head -n 12
grep -q '"kernel"' <<< "$caps" || fail "no Capabilities answer: $caps"
pid=$(dbus-send --system --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
  org.freedesktop.DBus.GetConnectionUnixProcessID string:io.github.nfttracer.Helper |
  awk '/uint32/ {print $2}')
exe=$(readlink "/proc/$pid/exe")
echo "helper pid $pid: $exe"
[ "$exe" = /usr/libexec/nft-tracer-helper ] || fail "the helper runs from $exe"

step "ReadRuleset as $allow: polkit allows, the helper then checks the namespace name"
r=$(call "$allow" ReadRuleset string:nt-no-such-namespace)
echo "$r"
grep -q NotAuthorized <<< "$r" && fail "polkit refused the member of $group: $r"
grep -q "Error" <<< "$r" || fail "a namespace that does not exist was accepted: $r"

step "ReadRuleset as $deny: polkit refuses"
r=$(call "$deny" ReadRuleset string:)
echo "$r"
grep -q "io.github.nfttracer.Error.NotAuthorized" <<< "$r" || fail "$deny was not refused: $r"

kill "$pid" 2>/dev/null || true

step "apt-get purge"
apt-get purge -y -q nft-tracer nft-tracer-cli
left=()
while read -r f; do
  # Every file, and the directories that are ours alone (shared ones like /usr/share/man stay).
  case "$f" in
    */nft-tracer* | */io.github.nfttracer*) [ ! -e "$f" ] || left+=("$f") ;;
    *) [ -d "$f" ] || [ ! -e "$f" ] || left+=("$f") ;;
  esac
done <<< "$files"
step "left after purge (files, and our own directories)"
printf '%s\n' "${left[@]}"
[ ${#left[@]} -eq 0 ] || fail "apt-get purge left ${#left[@]} path(s)"
echo "install test: passed"
