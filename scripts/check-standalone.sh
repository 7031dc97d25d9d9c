#!/usr/bin/env bash
# The repository stands alone: no tracked file may read or link anything kept beside the
# checkout (a `shared` folder next to it, or the absolute path of the machine it was first
# written on). A clone from anywhere else has no such folder, so a reference to it passes
# here and fails there. The dated benchmark notes (docs/benchmarks/) are history and may
# quote the paths of their day. Exits 1 and names every file and line that reaches outside.
set -uo pipefail
cd "$(dirname "$0")/.."
# The pattern is written so that this file does not match itself.
pattern='\.\./shared\b|/work/(shared)\b'
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  hits=$(git grep -n -I -E "$pattern" -- . ':(exclude)docs/benchmarks/')
else
  hits=$(grep -rn -I -E "$pattern" --exclude-dir=node_modules --exclude-dir=.git --exclude-dir=benchmarks . )
fi
if [ -n "$hits" ]; then
  echo "These lines reach outside the repository (a clone elsewhere has nothing there):"
  echo "$hits"
  echo "Bring what they need into the repository (data/, tests/fixtures/) and point at it there."
  exit 1
fi
echo "The repository stands alone: no tracked file refers to a folder beside the checkout."
