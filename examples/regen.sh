#!/usr/bin/env bash
# Regenerates the expected outputs of the examples with real Elixir (the oracle):
# NAME.out gets the stdout of NAME.exs. Every example must exit with status 0.
# Usage: examples/regen.sh [SUBSTRING]   (only the examples whose name contains it)
set -euo pipefail
cd "$(dirname "$0")"
command -v elixir >/dev/null || { echo "elixir is not installed" >&2; exit 1; }
for f in *.exs; do
  case "$f" in *"${1:-}"*) ;; *) continue ;; esac
  echo "example: $f"
  # stdin from /dev/null: elixir reads stdin. Stderr (warnings, logs) is not kept.
  if ! elixir "$f" > "${f%.exs}.out" 2>/dev/null < /dev/null; then
    echo "example $f exited with a non-zero status" >&2
    exit 1
  fi
done
