#!/usr/bin/env bash
# Load: wrk at 8 connections against the catalogue, a technology page and
# the home page, on SQLite and on PostgreSQL, with N synthetic technologies;
# nginx serving the catalogue page's bytes from disk, side by side; the
# portal's resident memory after the load.
#
#   benches/load.sh                         # 60 s per page, 100,000 technologies
#   DURATION=10 N=20000 benches/load.sh     # a quicker look
#   BACKENDS=sqlite benches/load.sh
#   WORKERS=1 BACKENDS=postgres benches/load.sh   # the portal's worker count
#   WRK_NICE=19 benches/load.sh             # wrk at a lower priority than the portal
#
# Every page is loaded as a browser asks for it (`Accept-Encoding: gzip,
# deflate, br, zstd`) and, beside it, without compression.
#
# The portal, wrk and nginx share the machine's cores, so figures are lower
# than on a dedicated load generator; run twice to see the noise.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
DURATION="${DURATION:-60}"
N="${N:-100000}"
BACKENDS="${BACKENDS:-sqlite postgres}"
PG="${CI_POSTGRES_URL:-postgres://postgres@127.0.0.1:5432/postgres}"
BROWSER_AE="gzip, deflate, br, zstd"

for tool in wrk nginx; do
  command -v "$tool" >/dev/null || apt-get install -y "$tool" >/dev/null
done
cargo build --release --bin techbridge
bin="$root/target/release/techbridge"
work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
server=""
cleanup() {
  [ -n "$server" ] && kill "$server" 2>/dev/null || true
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  psql "$PG" -qc "DROP DATABASE IF EXISTS techbridge_load WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

# wrk's summary as one line: req/s, p50, p99, errors; $3 is the
# Accept-Encoding sent (none when empty).
run_wrk() {
  local url=$1 out
  local ae=()
  [ -n "${3:-}" ] && ae=(-H "Accept-Encoding: $3")
  out=$(${WRK_NICE:+nice -n "$WRK_NICE"} wrk -t2 -c8 -d"${DURATION}s" --latency "${ae[@]}" "$url")
  local rps p50 p99 errors non2xx
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  errors=$(awk '/Socket errors/ {print $0}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out")
  printf '%-44s %10s req/s   p50 %8s   p99 %8s   non-2xx %s %s\n' "$2" "$rps" "$p50" "$p99" "${non2xx:-0}" "${errors:-}"
}

rss() { awk '/^VmRSS/ {printf "%.1f MB", $2/1024}' "/proc/$1/status"; }
hwm() { awk '/^VmHWM/ {printf "%.1f MB", $2/1024}' "/proc/$1/status"; }

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); wrk -t2 -c8 -d${DURATION}s; $N technologies"
for backend in $BACKENDS; do
  if [ "$backend" = sqlite ]; then
    url="sqlite://$work/load.db?mode=rwc"
  else
    psql "$PG" -qc "DROP DATABASE IF EXISTS techbridge_load WITH (FORCE)" >/dev/null
    psql "$PG" -qc "CREATE DATABASE techbridge_load" >/dev/null
    url="${PG%/*}/techbridge_load"
  fi
  export DATABASE_URL="$url" SECRET_KEY="load-test-secret-key-0123456789abcdef0123456789"
  "$bin" --data-dir "$work" --log-level warn seed-demo >/dev/null
  seeded=$( { /usr/bin/time -f %e "$bin" --data-dir "$work" --log-level warn seed-synthetic "$N" >/dev/null; } 2>&1 | tail -n1)
  # Measure the steady state, not the autovacuum that follows a bulk load.
  [ "$backend" = postgres ] && psql "$url" -qc "VACUUM ANALYZE" >/dev/null
  "$bin" --data-dir "$work" --port "$port" --log-level warn >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  slug=$(curl -s "http://127.0.0.1:$port/en/technologies" | grep -o 'href="/en/technologies/[a-z0-9-]*"' | head -n1 | sed 's/.*technologies\///; s/"$//')
  echo
  echo "== $backend (seeded $N in ${seeded}s); idle RSS $(rss $server)"
  for u in "/en/technologies" "/en/technologies/$slug" "/en/"; do
    curl -s -o /dev/null "http://127.0.0.1:$port$u"
    run_wrk "http://127.0.0.1:$port$u" "$u (browser)" "$BROWSER_AE"
    run_wrk "http://127.0.0.1:$port$u" "$u (uncompressed)"
  done
  echo "RSS after the load: $(rss $server) (peak $(hwm $server))"
  # Every request rendered: the same catalogue page with the page cache off.
  kill "$server"; wait "$server" 2>/dev/null || true
  PAGE_CACHE_MS=0 "$bin" --data-dir "$work" --port "$port" --log-level warn >"$work/server.log" 2>&1 &
  server=$!
  for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done
  curl -s -o /dev/null "http://127.0.0.1:$port/en/technologies"
  run_wrk "http://127.0.0.1:$port/en/technologies" "/en/technologies, cache off (browser)" "$BROWSER_AE"
  run_wrk "http://127.0.0.1:$port/en/technologies" "/en/technologies, cache off (uncompressed)"
  echo "RSS after the load, cache off: $(rss $server) (peak $(hwm $server))"
  if [ "$backend" = sqlite ]; then
    # The same catalogue bytes from disk by nginx, for the throughput budget.
    mkdir -p "$work/www/en"
    curl -s "http://127.0.0.1:$port/en/technologies" >"$work/www/en/technologies.html"
    gzip -k -6 "$work/www/en/technologies.html"
    # nginx's workers run as nobody: they must be able to read the copy.
    chmod 755 "$work" "$work/www" "$work/www/en"; chmod 644 "$work/www/en/technologies.html"*
    nport=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    cat >"$work/nginx.conf" <<CONF
worker_processes 2;
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
    nginx -c "$work/nginx.conf"
    sleep 0.3
    run_wrk "http://127.0.0.1:$nport/en/technologies.html" "nginx, same catalogue bytes (gzip)" "$BROWSER_AE"
    run_wrk "http://127.0.0.1:$nport/en/technologies.html" "nginx, same catalogue bytes (uncompressed)"
    kill "$(cat "$work/nginx.pid")"; rm -f "$work/nginx.pid"
  fi
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
done
