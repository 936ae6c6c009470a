#!/usr/bin/env bash
# Scale and faults, against the real binary: two PostgreSQL-backed instances
# behind nginx (cluster.py), then SIGKILL during submissions on SQLite and on
# PostgreSQL, SIGTERM with an upload in flight, PostgreSQL stopped and
# restarted under a running portal, and abusive clients (faults.py).
#
#   tests/scale/run.sh                    # from the repository root
#   tests/scale/run.sh faults.py abuse    # one part
#
# `outage` stops the machine's PostgreSQL cluster for a few seconds: run it
# where nothing else needs that server meanwhile (CI runs it last).
# parallel.py (bursts of sign-ins and uploads, limits under bursts, editors
# saving at once) holds the release binary to its memory and time bounds.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

if ! command -v nginx >/dev/null; then
  echo "installing nginx"
  apt-get install -y nginx-light >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y nginx-light >/dev/null; }
fi
cargo build --bin techbridge
export TECHBRIDGE_BIN="${CARGO_TARGET_DIR:-$root/target}/debug/techbridge"
# .ci/run builds it beforehand in its own target directory.
release_dir="${CARGO_RELEASE_DIR:-${CARGO_TARGET_DIR:-$root/target}}"
release_bin="$release_dir/release/techbridge"
if [ $# -eq 0 ] || [ "$1" = parallel.py ] || [ "$1" = cluster.py ]; then
  cargo build --release --bin techbridge --target-dir "$release_dir"
fi
# 1,000 concurrent connections need more descriptors than the usual 1,024.
ulimit -n 8192

cd "$here"
# The cluster's timing bounds (news on the other instance within 0.2 s)
# and the memory bounds are the release binary's; the faults run on the
# debug one.
if [ $# -gt 0 ] && { [ "$1" = parallel.py ] || [ "$1" = cluster.py ]; }; then
  TECHBRIDGE_BIN="$release_bin" python3 "$@"
elif [ $# -gt 0 ]; then
  python3 "$@"
else
  TECHBRIDGE_BIN="$release_bin" python3 cluster.py
  python3 faults.py
  python3 backup.py
  TECHBRIDGE_BIN="$release_bin" python3 parallel.py
fi
