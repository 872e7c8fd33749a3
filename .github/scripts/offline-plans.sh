#!/usr/bin/env bash
# Offline plans (`strata plan`, no cloud account) of every stack, for this branch and for the base
# branch, into out/<stack>.head.json and out/<stack>.base.json; each plan's exit code beside it.
# Each checkout builds its executable jar once and plans with bin/strata (a fraction of Maven's
# start-up per plan); a base branch from before bin/strata plans through Maven.
set -uo pipefail
base_sha="${1:?usage: offline-plans.sh BASE_SHA}"
root="$(pwd)"
mkdir -p out

build() { # dir
  if [ -x "$1/bin/strata" ]; then
    (cd "$1" && mvn -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true)
  fi
}

plan() { # dir stack out-prefix
  if [ -x "$1/bin/strata" ] && [ -f "$1/target/strata-app.jar" ]; then
    (cd "$1" && bin/strata plan --stack $2 --format json --out $3.json 2>"$3.err")
  else
    (cd "$1" && mvn -B -q compile exec:java -Dexec.args="plan --stack $2 --format json --out $3.json" 2>"$3.err")
  fi
  echo $? > "$3.exit"
}

build "$root"
for stack in dev staging prod; do
  plan "$root" "$stack" "$root/out/$stack.head"
done

git worktree add --detach "$root/../strata-base" "$base_sha" >/dev/null 2>&1
build "$root/../strata-base"
for stack in dev staging prod; do
  plan "$root/../strata-base" "$stack" "$root/out/$stack.base"
done
exit 0
