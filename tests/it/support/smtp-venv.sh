#!/usr/bin/env bash
# Installs aiosmtpd (pinned) into target/smtp-venv for the test mail server
# (tests/it/support/smtp_sink.py) and prints the venv's python. Idempotent:
# a venv that already has it is left as it is.
set -euo pipefail
root="$(cd "$(dirname "$0")/../../.." && pwd)"
venv="${SMTP_VENV:-$root/target/smtp-venv}"
if ! "$venv/bin/python" -c 'import aiosmtpd' 2>/dev/null; then
  python3 -m venv "$venv" >&2 || { apt-get install -y python3-venv >&2 && python3 -m venv "$venv" >&2; }
  "$venv/bin/pip" install --quiet --disable-pip-version-check 'aiosmtpd==1.4.6' >&2
fi
echo "$venv/bin/python"
