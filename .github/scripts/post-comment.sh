#!/usr/bin/env bash
# Posts DIR/comment.md, the Preview run's artifact, on the pull request DIR/pr-number names, once it
# has checked that the number is a pull request of this repository whose head is the commit that run
# planned ($HEAD_SHA). The artifact was made by a run of the pull request's code: it is data to
# check and post as text, never to run.
set -euo pipefail
dir="${1:?usage: post-comment.sh DIR}"
head_sha="${HEAD_SHA:?}"
repo="${GITHUB_REPOSITORY:?}"
marker='<!-- strata-plan -->'

pr="$(head -c 32 "$dir/pr-number" | tr -d '[:space:]')"
if ! [[ "$pr" =~ ^[1-9][0-9]{0,9}$ ]]; then
  echo "post-comment: the artifact's pr-number is not a pull request number; not posting" >&2
  exit 1
fi
if [ "$(head -n 1 "$dir/comment.md")" != "$marker" ]; then
  echo "post-comment: the artifact's comment.md is not a plan comment; not posting" >&2
  exit 1
fi
actual="$(gh api "repos/$repo/pulls/$pr" --jq .head.sha)"
if [ "$actual" != "$head_sha" ]; then
  # A newer push: its own Preview run will post. Or a number that is not this run's pull request.
  echo "post-comment: pull request #$pr's head is $actual, not the planned $head_sha; not posting" >&2
  exit 0
fi
bash "$(dirname "$0")/upsert-comment.sh" "$pr" "$dir/comment.md"
