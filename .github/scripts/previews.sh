#!/usr/bin/env bash
# `pulumi preview` of every stack with the policy pack, into out/<stack>.preview.json.
set -uo pipefail
mkdir -p out
policy_args=()
if [ -f policy/package.json ]; then
  (cd policy && npm ci --no-audit --no-fund && { npm run --if-present build; })
  policy_args=(--policy-pack policy)
fi

for stack in dev staging prod; do
  args=(preview --stack "$stack" --json --non-interactive "${policy_args[@]}")
  if [ -f "stacks/Pulumi.$stack.yaml" ]; then args+=(--config-file "stacks/Pulumi.$stack.yaml"); fi
  pulumi "${args[@]}" > "out/$stack.preview.json" 2> "out/$stack.preview.err"
  echo $? > "out/$stack.preview.exit"
done
exit 0
