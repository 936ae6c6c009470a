#!/usr/bin/env bash
# Checks the deployment files against a release binary already built:
#
#   deploy/check.sh target/release/techbridge
#
# 1. deploy/techbridge.service with `systemd-analyze verify` (ExecStart
#    pointed at the given binary, which verify requires to exist); any
#    warning fails, since verify itself exits 0 on unknown keys and values.
# 2. deploy/Containerfile built with podman: the run stage as written, its
#    build stage replaced by the given binary (`--build-context build=`), a
#    full Rust build in the container being far too slow for CI. Its base is
#    docker.io's debian:bookworm-slim where that can be pulled; where it
#    cannot (this project's machines reach Debian's mirror, not docker.io),
#    a Debian bookworm made with mmdebstrap from Debian's mirror, once per
#    machine (about 5 minutes), then kept in podman's image store. RUN steps
#    use chroot isolation: podman builds here but cannot run containers
#    (crun has no cgroup controllers to use). The image is then mounted and
#    checked: the user, the binary (run once with --version inside the
#    image's root, against the image's own libraries), the static files.
#    It is never started as a container.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"
bin="$(realpath "${1:?usage: deploy/check.sh PATH/TO/techbridge}")"
work="$(mktemp -d)"
image=localhost/techbridge-check
trap 'podman rmi -f "$image" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

install_debian() {
  command -v "$1" >/dev/null && return 0
  apt-get install -y "$2" >/dev/null 2>&1 ||
    { apt-get update >/dev/null && apt-get install -y "$2" >/dev/null; }
}

echo "-- systemd-analyze verify deploy/techbridge.service"
install_debian systemd-analyze systemd
sed "s|^ExecStart=/usr/local/bin/techbridge |ExecStart=$bin |" \
  "$here/techbridge.service" >"$work/techbridge.service"
grep -q "^ExecStart=$bin serve" "$work/techbridge.service"
out="$(systemd-analyze verify --man=no "$work/techbridge.service" 2>&1)" || { echo "$out"; exit 1; }
if [ -n "$out" ]; then echo "$out"; exit 1; fi
echo "ok"

echo "-- podman build deploy/Containerfile (run stage, with the built binary)"
install_debian podman podman
base=localhost/techbridge-ci-debian:bookworm
if podman image exists "$base"; then
  echo "base: $base (made earlier from Debian's mirror)"
elif timeout 30 podman pull -q docker.io/library/debian:bookworm-slim >/dev/null 2>&1; then
  base=docker.io/library/debian:bookworm-slim
  echo "base: $base"
else
  echo "docker.io unreachable: making $base with mmdebstrap from deb.debian.org (once)"
  install_debian mmdebstrap mmdebstrap
  mmdebstrap --quiet --variant=minbase --include=passwd \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$work/rootfs.tar" http://deb.debian.org/debian
  podman import -q "$work/rootfs.tar" "$base" >/dev/null
  rm -f "$work/rootfs.tar"
fi
mkdir -p "$work/ctx/out"
cp "$bin" "$work/ctx/out/techbridge"
cp -r "$root/static" "$work/ctx/out/static"
podman build -q --pull=never --isolation=chroot \
  --build-arg BASE="$base" --build-context build="$work/ctx" \
  -f "$here/Containerfile" --ignorefile "$here/Containerfile.dockerignore" \
  -t "$image" "$root" >/dev/null
user="$(podman image inspect --format '{{.Config.User}}' "$image")"
[ "$user" = "10001:10001" ] || { echo "image runs as '$user', not 10001:10001"; exit 1; }
mnt="$(podman image mount "$image")"
grep -q '^techbridge:x:10001:10001:' "$mnt/etc/passwd" || { echo "no techbridge user in the image"; exit 1; }
[ -f "$mnt/usr/local/share/techbridge/static/css/site.css" ] || { echo "no static files in the image"; exit 1; }
version="$(chroot "$mnt" /usr/local/bin/techbridge --version | head -n 1)"
podman image unmount "$image" >/dev/null
echo "ok: image $(podman image inspect --format '{{.Size}}' "$image") bytes, user $user, $version"
