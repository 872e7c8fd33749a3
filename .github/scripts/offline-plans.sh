#!/usr/bin/env bash
# Offline plans (`strata plan`, no cloud account) of every stack, for this branch and for the base
# branch, into out/<stack>.head.json and out/<stack>.base.json; each plan's exit code beside it.
set -uo pipefail
base_sha="${1:?usage: offline-plans.sh BASE_SHA}"
root="$(pwd)"
mkdir -p out

plan() { # dir stack out-prefix
  (cd "$1" && mvn -B -q compile exec:java -Dexec.args="plan --stack $2 --format json --out $3.json" 2>"$3.err")
  echo $? > "$3.exit"
}

for stack in dev staging prod; do
  plan "$root" "$stack" "$root/out/$stack.head"
done

git worktree add --detach "$root/../strata-base" "$base_sha" >/dev/null 2>&1
for stack in dev staging prod; do
  plan "$root/../strata-base" "$stack" "$root/out/$stack.base"
done
exit 0
