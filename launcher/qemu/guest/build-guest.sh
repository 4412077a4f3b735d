#!/usr/bin/env bash
# Builds the QEMU guest of `launcher/halcyon hitl qemu` from Debian packages already on this machine, into
# OUT (default launcher/qemu/target/guest): the kernel of linux-image-amd64 (OUT/vmlinuz) and a busybox
# initramfs (OUT/initrd.img) holding busybox-static, the modules the guest needs from that kernel's package
# (9p over virtio to mount the host's root read-only; uio_pci_generic for the edu device's interrupts) and
# init (beside this script). Nothing is downloaded. .ci/run installs the packages.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:-$here/../target/guest}"

# The newest kernel whose image and modules are both installed.
kernel=
for dir in $(ls -d /lib/modules/*/ 2>/dev/null | sort -V -r); do
  version=$(basename "$dir")
  if [[ -r /boot/vmlinuz-$version ]]; then kernel=$version; break; fi
done
[[ -n $kernel ]] || { echo "build-guest: no kernel with modules in /boot and /lib/modules (apt-get install linux-image-amd64)" >&2; exit 1; }
busybox=/bin/busybox
[[ -x $busybox ]] && file_is_static=$( (ldd $busybox 2>&1 || true) | grep -c 'not a dynamic' ) || file_is_static=0
(( file_is_static == 1 )) || { echo "build-guest: $busybox is not static (apt-get install busybox-static)" >&2; exit 1; }

stage="$out/initramfs"
rm -rf "$stage"
mkdir -p "$stage/bin" "$stage/modules" "$stage/proc" "$stage/sys" "$stage/dev" "$stage/host"
cp "$busybox" "$stage/bin/busybox"
cp "$here/init" "$stage/init"
chmod 755 "$stage/init"

# Modules in load order, dependencies first, each once; built-in ones (no insmod line) are skipped.
modules=()
for m in 9p 9pnet_virtio virtio_pci uio_pci_generic; do
  while read -r _ path _; do
    name=$(basename "$path")
    [[ " ${modules[*]} " == *" $name "* ]] || modules+=("$name")
    case $path in
      *.ko.xz) xz -dc "$path" > "$stage/modules/${name%.xz}" ;;
      *.ko.zst) zstd -qdc "$path" > "$stage/modules/${name%.zst}" ;;
      *) cp "$path" "$stage/modules/$name" ;;
    esac
  done < <(modprobe -S "$kernel" --show-depends "$m" | grep '^insmod')
done
printf '%s\n' "${modules[@]%.xz}" | sed 's/\.zst$//' > "$stage/modules/order"

cp "/boot/vmlinuz-$kernel" "$out/vmlinuz"
(cd "$stage" && find . | LC_ALL=C sort | cpio -o -H newc --quiet | gzip -1) > "$out/initrd.img"
echo "guest: kernel $kernel ($(stat -c %s "$out/vmlinuz") bytes), initramfs $(stat -c %s "$out/initrd.img") bytes, modules: ${modules[*]}"
