#!/usr/bin/env bash
# The browser tests: installs what they need (Debian's Chromium, a CJK font,
# Java for the Nu HTML Checker, the npm packages from the lock file), starts
# the portal on a fresh database with demo content on a free port, runs the
# journeys and page checks, and stops the portal.
#
#   tests/browser/run.sh                 # from the repository root
#   ARTIFACTS=/tmp/shots tests/browser/run.sh
#   TESTS=quality.test.mjs tests/browser/run.sh   # one file
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cd "$root"

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
fc-list 2>/dev/null | grep -qi "Noto Sans CJK" || need_apt+=(fonts-noto-cjk)
command -v java >/dev/null || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "installing ${need_apt[*]}"
  apt-get install -y "${need_apt[@]}" >/dev/null || { apt-get update >/dev/null && apt-get install -y "${need_apt[@]}" >/dev/null; }
fi

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)

cargo build --bin techbridge
bin="$root/target/debug/techbridge"

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d)
export ARTIFACTS="${ARTIFACTS:-$here/artifacts}"
export PORTAL_URL="http://127.0.0.1:$port"
export ADMIN_EMAIL="admin@centre.example.org"
export ADMIN_PASSWORD="violet-harbour-kettle-42"
rm -rf "$ARTIFACTS"; mkdir -p "$ARTIFACTS"

# A real mail server for the portal's messages (aiosmtpd, the same one the
# Rust tests use): it writes each message to $MAIL_DIR, where the journeys
# read them. It stops when the fifo feeding its input closes with us.
export MAIL_DIR="$data/mail"
mkdir -p "$MAIL_DIR"
smtp_python=$("$root/tests/it/support/smtp-venv.sh")
mkfifo "$data/smtp.in"
exec 7<>"$data/smtp.in"
"$smtp_python" "$root/tests/it/support/smtp_sink.py" --dir "$MAIL_DIR" <"$data/smtp.in" >"$data/smtp.port" 2>"$ARTIFACTS/smtp.log" &
smtp=$!
for _ in $(seq 1 50); do [ -s "$data/smtp.port" ] && break; sleep 0.1; done
smtp_port=$(head -n 1 "$data/smtp.port")

"$bin" --data-dir "$data" --log-level warn create-admin --email "$ADMIN_EMAIL" --name "Ada Admin" >/dev/null
SMTP_URL="smtp://127.0.0.1:$smtp_port" MAIL_EVERY_MS=300 \
  "$bin" --data-dir "$data" --port "$port" --log-level warn --workers 2 >"$ARTIFACTS/server.log" 2>&1 &
server=$!
cleanup() { kill "$server" "$smtp" 2>/dev/null || true; wait "$server" "$smtp" 2>/dev/null || true; rm -rf "$data"; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  curl -sf "$PORTAL_URL/healthz" >/dev/null && break
  sleep 0.2
done
curl -sf "$PORTAL_URL/healthz" >/dev/null || { echo "the portal did not start"; cat "$ARTIFACTS/server.log"; exit 1; }

started=$(date +%s)
(cd "$here" && node --test --test-concurrency=1 --test-reporter=spec ${TESTS:-journeys.test.mjs deals.test.mjs quality.test.mjs structured.test.mjs})
echo "browser suite: $(( $(date +%s) - started )) s; screenshots in $ARTIFACTS"
