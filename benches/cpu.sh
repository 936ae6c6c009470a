#!/usr/bin/env bash
# CPU per uncached request, per page type, beside nginx serving the same
# bytes. The portal (one worker, page cache off) and nginx (one worker) are
# pinned to core 0; wrk runs on core 1. CPU time is read from /proc before
# and after each run and divided by the requests wrk completed. On
# PostgreSQL the backends serving the portal are pinned to core 0 too and
# their CPU is counted with the portal's.
#
#   benches/cpu.sh                          # 10,000 technologies, 10 s per page, both backends
#   N=2000 DURATION=5 BACKENDS=sqlite benches/cpu.sh
#
# Each page is measured twice: with the Accept-Encoding a browser sends
# (`gzip, deflate, br, zstd`) and without one (identity).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
DURATION="${DURATION:-10}"
N="${N:-10000}"
BACKENDS="${BACKENDS:-sqlite postgres}"
PG="${CI_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
BROWSER_AE="gzip, deflate, br, zstd"

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || apt-get install -y "$tool" >/dev/null
done
[ "$(nproc)" -ge 2 ] || { echo "needs two cores (server on one, wrk on the other)"; exit 1; }
[ -n "${NO_BUILD:-}" ] || cargo build --release --bin techbridge
bin="$root/target/release/techbridge"
work=$(mktemp -d)
chmod 755 "$work"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
nport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  psql "$PG" -qc "DROP DATABASE IF EXISTS techbridge_cpu WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
hz=$(getconf CLK_TCK)

# CPU ticks (user + system) of the given processes, all threads included.
ticks() {
  local sum=0 p
  for p in "$@"; do
    [ -r "/proc/$p/stat" ] || continue
    # Fields after the command name, which may hold spaces: utime is the
    # 12th, stime the 13th of what follows ") ".
    sum=$((sum + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$sum"
}

# Runs wrk on core 1 against $1 with Accept-Encoding $2 (empty: none);
# prints requests completed and non-2xx responses.
load() {
  local out
  if [ -n "$2" ]; then
    out=$(taskset -c 1 wrk -t1 -c8 -d"${DURATION}s" -H "Accept-Encoding: $2" "$1")
  else
    out=$(taskset -c 1 wrk -t1 -c8 -d"${DURATION}s" "$1")
  fi
  local reqs non2xx
  reqs=$(awk '/requests in/ {print $1}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  echo "$reqs ${non2xx:-0}"
}

# µs of CPU per request of processes "$3..." serving $1 with encoding $2.
measure() {
  local url=$1 ae=$2
  shift 2
  local before after res reqs bad
  before=$(ticks "$@")
  res=$(load "$url" "$ae")
  after=$(ticks "$@")
  reqs=${res% *}
  bad=${res#* }
  if [ "$bad" != 0 ]; then
    echo "FAILED($bad non-2xx)"
    return
  fi
  awk -v t=$((after - before)) -v hz="$hz" -v n="$reqs" 'BEGIN { printf "%.0f", t / hz * 1e6 / n }'
}

backend_pids() {
  [ "$1" = postgres ] || return 0
  psql "$PG" -Atc "SELECT pid FROM pg_stat_activity WHERE datname = 'techbridge_cpu' AND pid <> pg_backend_pid()"
}

echo "machine: $(nproc) cores, $(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)"
echo "$N synthetic technologies plus the demo; portal: 1 worker, PAGE_CACHE_MS=0, core 0; nginx: 1 worker, core 0; wrk -t1 -c8 -d${DURATION}s on core 1"
for backend in $BACKENDS; do
  if [ "$backend" = sqlite ]; then
    url="sqlite://$work/cpu.db?mode=rwc"
  else
    psql "$PG" -qc "DROP DATABASE IF EXISTS techbridge_cpu WITH (FORCE)" >/dev/null
    psql "$PG" -qc "CREATE DATABASE techbridge_cpu" >/dev/null
    url="${PG%/*}/techbridge_cpu"
  fi
  export DATABASE_URL="$url" SECRET_KEY="cpu-bench-secret-key-0123456789abcdef0123456789"
  "$bin" --data-dir "$work" --log-level warn seed-demo >/dev/null
  "$bin" --data-dir "$work" --log-level warn seed-synthetic "$N" >/dev/null
  [ "$backend" = postgres ] && psql "$url" -qc "VACUUM ANALYZE" >/dev/null
  PAGE_CACHE_MS=0 WORKERS=1 taskset -c 0 "$bin" --data-dir "$work" --port "$port" --log-level warn >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  base="http://127.0.0.1:$port"
  tech=$(curl -s "$base/en/technologies" | grep -o 'href="/en/technologies/[a-z0-9-]*"' | head -n1 | sed 's/.*technologies\///; s/"$//')
  news=$(curl -s "$base/en/news" | grep -o 'href="/en/news/[a-z0-9-]*"' | head -n1 | sed 's/.*news\///; s/"$//')
  event=$(curl -s "$base/en/events" | grep -o 'href="/en/events/[a-z0-9-]*"' | grep -v '\.ics' | head -n1 | sed 's/.*events\///; s/"$//')
  fellow=$(curl -s "$base/en/programme/fellows" | grep -o 'href="/en/programme/fellows/[a-z0-9-]*"' | head -n1 | sed 's/.*fellows\///; s/"$//')
  pages=(
    "technology|/en/technologies/$tech"
    "news item|/en/news/$news"
    "event|/en/events/$event"
    "fellow|/en/programme/fellows/$fellow"
    "home|/en/"
    "catalogue|/zh-CN/technologies"
    "needs|/en/needs"
    "news list|/en/news"
    "catalogue search, 2 filters|/zh-CN/technologies?q=%E6%B0%B4%E7%A8%BB&field=agriculture&country=ID"
    "catalogue search|/en/technologies?q=solar"
    "site search|/en/search?q=solar"
  )
  # Warm: connections opened, in-memory indexes loaded.
  for entry in "${pages[@]}"; do
    curl -s -o /dev/null -H "Accept-Encoding: $BROWSER_AE" "$base${entry#*|}"
  done
  bpids=$(backend_pids "$backend")
  for p in $bpids; do taskset -p -c 0 "$p" >/dev/null; done
  # The same bytes for nginx, identity and precompressed.
  rm -rf "$work/www"; mkdir -p "$work/www"
  i=0
  for entry in "${pages[@]}"; do
    i=$((i + 1))
    curl -s "$base${entry#*|}" >"$work/www/p$i.html"
    gzip -k -6 "$work/www/p$i.html"
  done
  chmod -R a+rX "$work/www"
  cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $work/body; proxy_temp_path $work/proxy; fastcgi_temp_path $work/fcgi;
  uwsgi_temp_path $work/uwsgi; scgi_temp_path $work/scgi;
  default_type text/html;
  gzip_static on;
  server { listen 127.0.0.1:$nport; root $work/www; }
}
CONF
  taskset -c 0 nginx -c "$work/nginx.conf"
  sleep 0.3
  npids="$(cat "$work/nginx.pid") $(pgrep -P "$(cat "$work/nginx.pid")" | tr '\n' ' ')"
  echo
  echo "== $backend: CPU µs per request (portal$([ "$backend" = postgres ] && echo ' + its PostgreSQL backends'), page cache off)"
  printf '%-30s %12s %12s %12s %12s\n' "page" "portal br" "portal none" "nginx gzip" "nginx none"
  i=0
  for entry in "${pages[@]}"; do
    i=$((i + 1))
    name=${entry%%|*}
    path=${entry#*|}
    # shellcheck disable=SC2086
    a=$(measure "$base$path" "$BROWSER_AE" "$server" $bpids)
    # shellcheck disable=SC2086
    b=$(measure "$base$path" "" "$server" $bpids)
    # shellcheck disable=SC2086
    c=$(measure "http://127.0.0.1:$nport/p$i.html" "$BROWSER_AE" $npids)
    # shellcheck disable=SC2086
    d=$(measure "http://127.0.0.1:$nport/p$i.html" "" $npids)
    printf '%-30s %12s %12s %12s %12s\n' "$name" "$a" "$b" "$c" "$d"
  done
  echo "portal resident memory after the runs: $(awk '/^VmRSS/ {printf "%.1f MB", $2/1024}' "/proc/$server/status") (peak $(awk '/^VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$server/status"))"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
  # The same pages from the page cache (what most requests are): a hit
  # with compression should cost at most 1.5 times one without.
  WORKERS=1 taskset -c 0 "$bin" --data-dir "$work" --port "$port" --log-level warn >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  bpids=$(backend_pids "$backend")
  for p in $bpids; do taskset -p -c 0 "$p" >/dev/null; done
  echo
  echo "== $backend: CPU µs per request from the page cache"
  printf '%-30s %12s %12s %12s %12s\n' "page" "portal br" "portal none" "nginx gzip" "nginx none"
  i=0
  for entry in "${pages[@]}"; do
    i=$((i + 1))
    name=${entry%%|*}
    path=${entry#*|}
    case "$name" in technology|home|catalogue) ;; *) continue ;; esac
    curl -s -o /dev/null -H "Accept-Encoding: $BROWSER_AE" "$base$path"
    curl -s -o /dev/null "$base$path"
    # shellcheck disable=SC2086
    a=$(measure "$base$path" "$BROWSER_AE" "$server" $bpids)
    # shellcheck disable=SC2086
    b=$(measure "$base$path" "" "$server" $bpids)
    # shellcheck disable=SC2086
    c=$(measure "http://127.0.0.1:$nport/p$i.html" "$BROWSER_AE" $npids)
    # shellcheck disable=SC2086
    d=$(measure "http://127.0.0.1:$nport/p$i.html" "" $npids)
    printf '%-30s %12s %12s %12s %12s\n' "$name" "$a" "$b" "$c" "$d"
  done
  # 64 browser-like clients at once: memory stays bounded.
  taskset -c 1 wrk -t1 -c64 -d"${DURATION}s" -H "Accept-Encoding: $BROWSER_AE" "$base/en/" >/dev/null
  echo "portal resident memory after 64 browser-like clients: $(awk '/^VmRSS/ {printf "%.1f MB", $2/1024}' "/proc/$server/status") (peak $(awk '/^VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$server/status"))"
  kill "$(cat "$work/nginx.pid")"; rm -f "$work/nginx.pid"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
