#!/usr/bin/env bash
# `pulumi preview` of every stack with the policy pack, into out/<stack>.preview.json.
set -uo pipefail
mkdir -p out
# Pulumi.yaml runs the prebuilt jar (offline-plans.sh built it), with bin/strata's JVM options.
[ -f target/strata-app.jar ] || mvn -B -q package -DskipTests -Dmaven.javadoc.skip=true -Dmaven.source.skip=true
JDK_JAVA_OPTIONS="$(bin/strata --jvm-options)"
export JDK_JAVA_OPTIONS
policy_args=()
if [ -f policy/package.json ]; then
  (cd policy && npm ci --no-audit --no-fund && { npm run --if-present build; })
  policy_args=(--policy-pack policy)
fi

# Each stack's config is Pulumi.<stack>.yaml beside Pulumi.yaml, as strata plan reads it.
for stack in dev staging prod; do
  args=(preview --stack "$stack" --json --non-interactive "${policy_args[@]}")
  pulumi "${args[@]}" > "out/$stack.preview.json" 2> "out/$stack.preview.err"
  echo $? > "out/$stack.preview.exit"
done
exit 0
