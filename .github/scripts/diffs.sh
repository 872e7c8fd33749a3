#!/usr/bin/env bash
# `strata diff --format markdown` of each stack's base and head plans (offline-plans.sh wrote them)
# into out/<stack>.diff.md, its exit code beside it. With --check, afterwards: exits 1 when a diff
# found a blocking change or could not run, or the head could not be planned.
set -uo pipefail
mkdir -p out
stacks=(dev staging prod)

if [ "${1:-}" = "--check" ]; then
  status=0
  for stack in "${stacks[@]}"; do
    if [ -f "out/$stack.diff.exit" ]; then
      code="$(cat "out/$stack.diff.exit")"
      [ "$code" = "0" ] || { echo "strata diff of $stack exited $code" >&2; status=1; }
    elif [ ! -f "out/$stack.head.json" ]; then
      echo "the head of $stack could not be planned (exit $(cat "out/$stack.head.exit" 2>/dev/null || echo '?'))" >&2
      status=1
    fi
  done
  exit $status
fi

for stack in "${stacks[@]}"; do
  rm -f "out/$stack.diff.md" "out/$stack.diff.exit"
  if [ -f "out/$stack.base.json" ] && [ -f "out/$stack.head.json" ]; then
    bin/strata diff --base "out/$stack.base.json" --head "out/$stack.head.json" --format markdown \
      --out "out/$stack.diff.md" 2>"out/$stack.diff.err"
    echo $? > "out/$stack.diff.exit"
  fi
done
exit 0
