#!/usr/bin/env bash
# Installs the Debian 12 or 13 packages nft-tracer builds, tests, packages and runs with.
set -euo pipefail

# The sanitizer and fuzzer runtime goes with the release's default clang. Qt6Charts' CMake
# package needs Qt6OpenGL: on Debian 12 its -dev package is only a Recommends of qt6-base-dev;
# on Debian 13 qt6-base-dev provides it.
# shellcheck disable=SC1091
case "$(. /etc/os-release && echo "${VERSION_ID:-}")" in
  12) release_packages=(libclang-rt-14-dev libqt6opengl6-dev) ;;
  *) release_packages=(libclang-rt-19-dev) ;;
esac

packages=(
  # build
  cmake ninja-build g++ pkg-config clang clang-format clang-tidy bpftool
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-charts-dev
  libbpf-dev libelf-dev zlib1g-dev libnftables-dev libnftnl-dev libmnl-dev
  libsqlite3-dev libpcap-dev libzstd-dev linux-libc-dev
  # Debian packages (cpack -G DEB computes their dependencies with dpkg-shlibdeps, finds
  # binaries with file) and the clean-machine builds of scripts/clean-machine.sh
  dpkg-dev file debootstrap
  # tests and benchmarks
  googletest libgtest-dev libgmock-dev libbenchmark-dev valgrind
  "${release_packages[@]}" sqlite3 tshark
  # run time: recording in network namespaces
  nftables iproute2 iputils-ping netcat-openbsd procps
  # D-Bus helper tests: a private system bus and polkit
  dbus polkitd
  # screenshots of the desktop app under a real X server
  xvfb xauth
  # function-level backends are tested in a VM booting Debian's cloud kernels
  # (kmod: depmod/modprobe -d resolve the guest's module dependencies; xz-utils: modules.ko.xz)
  qemu-system-x86 busybox-static cpio zstd e2fsprogs kmod xz-utils
)

if [ "$(id -u)" -ne 0 ]; then
  SUDO=sudo
else
  SUDO=
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
