#!/bin/busybox sh
# shellcheck shell=dash
# /init of the VM tests' initramfs (see run-vm.sh): mounts the kernel's file systems, loads the
# scenario's modules, runs /scenario.sh with its arguments and sends /out back on ttyS1.
/bin/busybox --install -s
export PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root NT_VM=1
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev
mkdir -p /dev/pts /dev/shm /run/netns /var /sys/fs/bpf
ln -s /run /var/run
mount -t tmpfs tmpfs /run
mkdir -p /run/netns
mount -t tmpfs tmpfs /tmp
mount -t bpf bpf /sys/fs/bpf
mount -t tracefs tracefs /sys/kernel/tracing
mount -t debugfs debugfs /sys/kernel/debug
ln -s /proc/self/fd /dev/fd
ulimit -l unlimited

echo "nt-vm: kernel $(uname -r), $(nproc) cpu"
while read -r m; do
    insmod "/usr/lib/nt-modules/$m" || echo "nt-vm: insmod $m failed"
done </etc/nt-modules
ip link set lo up

cd /out || exit
# shellcheck source=/dev/null
. /etc/nt-env
eval "set -- $(cat /etc/nt-args)"
/usr/bin/dash /scenario.sh "$@"
rc=$?
echo "nt-vm: scenario exited with $rc"

{
    echo NT-VM-OUT-BEGIN
    tar -C /out -czf - . | base64
    echo NT-VM-OUT-END
    echo "NT-VM-RC=$rc"
} >/dev/ttyS1
sync
poweroff -f
