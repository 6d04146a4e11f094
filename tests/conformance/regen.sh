#!/usr/bin/env bash
# Regenerates the expected outputs of the conformance programs with real Elixir (the
# oracle): FILE.out gets stdout, FILE.status the exit status. Stderr is not compared.
# Usage: tests/conformance/regen.sh [SUBSTRING]   (only the programs whose path contains it)
# scripts/regen-oracles.sh does the same for every oracle in the repository.
set -euo pipefail
cd "$(dirname "$0")"
command -v elixir >/dev/null || { echo "elixir is not installed" >&2; exit 1; }
find . -name '*.exs' | sed 's|^\./||' | sort | while read -r f; do
  case "$f" in *"${1:-}"*) ;; *) continue ;; esac
  echo "conformance: $f"
  set +e
  # stdin from /dev/null: elixir reads stdin, and would swallow the rest of this loop's list.
  # FILE.erl holds emulator flags for this program (e.g. `+S 1`), used here and by the harness.
  erl=()
  if [ -f "${f%.exs}.erl" ]; then erl=(--erl "$(cat "${f%.exs}.erl")"); fi
  (cd "$(dirname "$f")" && elixir "${erl[@]}" "$(basename "$f")" > "$(basename "${f%.exs}").out" 2>/dev/null < /dev/null)
  echo $? > "${f%.exs}.status"
  set -e
done
