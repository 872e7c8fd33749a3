#!/usr/bin/env bash
# Keeps ONE plan comment on the pull request: edits the comment that carries the marker, or adds it.
set -euo pipefail
pr="${1:?usage: upsert-comment.sh PR_NUMBER FILE}"
file="${2:?usage: upsert-comment.sh PR_NUMBER FILE}"
marker='<!-- strata-plan -->'
repo="${GITHUB_REPOSITORY:?}"

id=$(gh api "repos/$repo/issues/$pr/comments" --paginate \
  --jq ".[] | select(.body | startswith(\"$marker\")) | .id" | head -n 1)
if [ -n "$id" ]; then
  gh api --method PATCH "repos/$repo/issues/comments/$id" -F "body=@$file" >/dev/null
else
  gh api --method POST "repos/$repo/issues/$pr/comments" -F "body=@$file" >/dev/null
fi
