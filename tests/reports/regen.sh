#!/usr/bin/env bash
# Regenerates the reports real Elixir prints (NAME.log: stdout and stderr together; its
# Logger writes on stdout). bin/tests/reports.rs compares them, normalized, with what
# Beamlet prints on stderr.
set -euo pipefail
cd "$(dirname "$0")"
command -v elixir >/dev/null || { echo "elixir is not installed" >&2; exit 1; }
for f in *.exs; do
  echo "report: $f"
  elixir "$f" > "${f%.exs}.log" 2>&1 < /dev/null
done
