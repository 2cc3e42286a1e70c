#!/bin/bash
# tests/vm/build.sh OUT: a kernel and an initramfs for the cgroup v2 guests,
# into OUT/vmlinuz and OUT/initrd.img (kept: done once per build tree).
# The kernel is Debian's own (linux-image-amd64, unpacked with dpkg -x, not
# installed); the initramfs is busybox-static, the modules a guest needs to
# mount the host's root over 9p under a tmpfs overlay, and tests/vm/init.
set -euo pipefail
mkdir -p "$1"
out=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
[ -s "$out/vmlinuz" ] && [ -s "$out/initrd.img" ] && [ "$out/initrd.img" -nt "$here/init" ] && exit 0
mkdir -p "$out/debs"
cd "$out/debs"
if ! ls linux-image-[0-9]*.deb >/dev/null 2>&1; then
	pkg=$(apt-cache depends linux-image-amd64 | awk '/Depends: linux-image-[0-9]/ { print $2; exit }')
	[ -n "$pkg" ] || { echo "vm: apt-cache knows no linux-image-amd64 (run apt-get update)" >&2; exit 1; }
	apt-get download "$pkg" >/dev/null 2>&1 || { echo "vm: cannot download $pkg from Debian's archive" >&2; exit 1; }
fi
rm -rf "$out/kernel" "$out/initrd"
mkdir -p "$out/kernel"
dpkg -x linux-image-[0-9]*.deb "$out/kernel"
kv=$(ls "$out/kernel/lib/modules")
depmod -b "$out/kernel" "$kv"
# The modules, each after those it needs (modules.dep lists them).
want="virtio_pci 9pnet_virtio 9p overlay"
order=()
add() { # MODULE-PATH: adds its dependencies, then it, once each
	local path=$1 dep
	for dep in $(awk -F': ' -v m="$path" '$1 == m { print $2 }' "$out/kernel/lib/modules/$kv/modules.dep"); do
		add "$dep"
	done
	local seen
	for seen in "${order[@]:-}"; do [ "$seen" = "$path" ] && return; done
	order+=("$path")
}
for m in $want; do
	add "$(awk -F: -v m="/$m.ko" 'index($1, m) && substr($1, length($1) - length(m) + 1) == m { print $1; exit }' \
		"$out/kernel/lib/modules/$kv/modules.dep")"
done
mkdir -p "$out/initrd/bin" "$out/initrd/mod" "$out/initrd/proc" "$out/initrd/sys" "$out/initrd/dev"
cp /bin/busybox "$out/initrd/bin/busybox"
: >"$out/initrd/modules"
for path in "${order[@]}"; do
	cp "$out/kernel/lib/modules/$kv/$path" "$out/initrd/mod/"
	basename "$path" >>"$out/initrd/modules"
done
cp "$here/init" "$out/initrd/init"
chmod 755 "$out/initrd/init"
(cd "$out/initrd" && find . | cpio -o -H newc --quiet | gzip -1) >"$out/initrd.img"
cp "$out/kernel/boot/vmlinuz-$kv" "$out/vmlinuz"
rm -rf "$out/kernel" "$out/initrd"
