#!/usr/bin/env bash
# A wapiti scan (XSS, stored XSS, SQL injection, command execution, file
# inclusion, CRLF, open redirect, HTTP headers, CSP, cookie flags) of the
# public site and the sign-in page, on a fresh database with demo content.
# wapiti comes from PyPI into a virtualenv under target/. Exits non-zero when
# it reports any vulnerability or anomaly.
#
#   tests/scale/wapiti.sh            # about 5 minutes
#   MAX_ATTACK_TIME=300 tests/scale/wapiti.sh   # deeper: every module longer
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
venv="$root/target/wapiti-venv"
[ -x "$venv/bin/wapiti" ] || { python3 -m venv "$venv" && "$venv/bin/pip" install -q wapiti3==3.2.3; }
cargo build --bin techbridge
data=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# As deployed (behind HTTPS): cookies marked Secure, which the scan checks.
"$root/target/debug/techbridge" --data-dir "$data" --port "$port" --log-level warn --secure-cookies >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.1; done

report="${REPORT:-$root/target/wapiti-report.json}"
"$venv/bin/wapiti" -u "http://127.0.0.1:$port/" --scope domain \
  -m "xss,permanentxss,sql,exec,file,crlf,redirect,http_headers,csp,cookieflags" \
  --max-scan-time "${MAX_SCAN_TIME:-600}" --max-attack-time "${MAX_ATTACK_TIME:-40}" \
  --max-links-per-page 30 --max-files-per-dir 15 -d 4 \
  --flush-session -f json -o "$report" >"$data/wapiti.log" 2>&1 || { tail -20 "$data/wapiti.log"; exit 1; }

python3 - "$report" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
found = {k: v for k, v in r["vulnerabilities"].items() if v}
anomalies = {k: v for k, v in r.get("anomalies", {}).items() if v}
print(f"wapiti: {r['infos']['crawled_pages_nbr']} pages crawled, {len(r['vulnerabilities'])} vulnerability classes checked, "
      f"{sum(map(len, found.values()))} findings, {sum(map(len, anomalies.values()))} anomalies")
for k, v in {**found, **anomalies}.items():
    for item in v[:5]:
        print(f"  {k}: {item.get('method')} {item.get('path')} {item.get('info')}")
sys.exit(1 if found or anomalies else 0)
PY
