#!/usr/bin/env bash
# Validates every workflow against the GitHub Actions schema (action-validator), proves the
# validator rejects a broken workflow, and runs the tests of the workflow scripts.
set -euo pipefail
cd "$(dirname "$0")/../.."
tools=.github/tools
npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error
validator="$tools/node_modules/.bin/action-validator"

for workflow in .github/workflows/*.yml; do
  "$validator" "$workflow"
  echo "valid: $workflow"
done

if "$validator" src/test/resources/workflows/invalid.yml >/dev/null 2>&1; then
  echo "action-validator accepted a broken workflow: the check is not checking" >&2
  exit 1
fi

node --test .github/scripts/
