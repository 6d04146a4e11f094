#!/usr/bin/env bash
# Regenerates every expected output from real Elixir (the oracle). Needs `elixir`
# (apt-get install -y elixir: Elixir 1.14 on OTP 25). CI does not run this; it compares
# against the committed outputs.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v elixir >/dev/null || { echo "elixir is not installed" >&2; exit 1; }
for f in vm/tests/oracle/*.exs compiler/tests/oracle/*.exs; do
  echo "oracle: $f"
  elixir "$f" > "${f%.exs}.out"
done
# Conformance programs: stdout and the exit status.
find tests/conformance -name '*.exs' 2>/dev/null | sort | while read -r f; do
  echo "conformance: $f"
  set +e
  (cd "$(dirname "$f")" && elixir "$(basename "$f")" > "$(basename "${f%.exs}").out" 2>/dev/null < /dev/null)
  echo $? > "${f%.exs}.status"
  set -e
done
# Examples: stdout (each must exit with status 0).
examples/regen.sh
# Crash reports and Logger output (compared after normalization).
tests/reports/regen.sh
