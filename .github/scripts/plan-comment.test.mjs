// node --test .github/scripts: the plan comment's rendering and its posting.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { MARKER, MAX_COMMENT, changes, diffStatus, previews, render } from "./plan-comment.mjs";

const here = dirname(fileURLToPath(import.meta.url));
// The recorded pair of prod plans and the `strata diff --format markdown` of it (DiffCommandTest
// checks that this file is what strata diff prints for the pair).
const recordedDiff = join(here, "../../src/test/resources/diff/prod.diff.md");

test("the comment carries the marker, a row per stack and each stack's diff, blocking stacks first", () => {
  const dir = mkdtempSync(join(tmpdir(), "plan-comment-"));
  for (const stack of ["dev", "prod"]) {
    writeFileSync(join(dir, `${stack}.head.json`), "{}");
    writeFileSync(join(dir, `${stack}.base.json`), "{}");
    writeFileSync(join(dir, `${stack}.head.exit`), "0");
  }
  writeFileSync(join(dir, "dev.diff.exit"), "0");
  writeFileSync(join(dir, "dev.diff.md"), "#### Strata diff, stack dev: no changes; monthly cost $10.00\n");
  writeFileSync(join(dir, "prod.diff.exit"), "1");
  copyFileSync(recordedDiff, join(dir, "prod.diff.md"));
  writeFileSync(join(dir, "staging.head.exit"), "2");
  writeFileSync(join(dir, "staging.head.err"), "strata plan: invalid config for stack staging:\n  strata:x = 1: no");
  const text = render(dir);
  assert.ok(text.startsWith(MARKER + "\n"));
  assert.match(text, /\| dev \| planned \| nothing blocking \|/);
  assert.match(text, /\| staging \| failed \(exit 2\) \| no base plan to compare \|/);
  assert.match(text, /\| prod \| planned \| \*\*BLOCKING\*\* \|/);
  const prod = text.indexOf("#### Strata diff, stack prod");
  const dev = text.indexOf("#### Strata diff, stack dev");
  assert.ok(prod > 0 && dev > prod, "the blocking stack comes first");
  assert.ok(text.includes("protected aws:fsx/lustreFileSystem:LustreFileSystem prod-training-hot would be REPLACED: deploymentType PERSISTENT_2 -> PERSISTENT_1"));
  assert.ok(text.indexOf("**Blocking") < text.indexOf("<details>"), "blocking items before the folded details");
  assert.match(text, /staging: errors[\s\S]*strata:x = 1: no/);
});

test("a comment over GitHub's limit is cut and says where the rest is", () => {
  const dir = mkdtempSync(join(tmpdir(), "plan-comment-"));
  writeFileSync(join(dir, "prod.head.exit"), "0");
  writeFileSync(join(dir, "prod.base.json"), "{}");
  writeFileSync(join(dir, "prod.diff.exit"), "0");
  writeFileSync(join(dir, "prod.diff.md"), "x".repeat(MAX_COMMENT + 10));
  const text = render(dir);
  assert.ok(text.length < 65536);
  assert.match(text, /truncated: the whole diffs are in the run's strata-plan-comment artifact/);
});

test("statuses and the preview summary", () => {
  assert.equal(diffStatus("1", true), "**BLOCKING**");
  assert.equal(diffStatus("2", true), "failed (exit 2)");
  assert.equal(changes({ changeSummary: { create: 3, same: 10, delete: 0 } }), "3 to create, 10 to same");
  assert.equal(changes(undefined), "n/a");
  const dir = mkdtempSync(join(tmpdir(), "previews-"));
  writeFileSync(join(dir, "dev.preview.json"), JSON.stringify({ changeSummary: { update: 2 } }));
  writeFileSync(join(dir, "dev.preview.exit"), "0");
  assert.match(previews(dir), /\| dev \| 2 to update \| 0 \|/);
});

// post-comment.sh against a stub `gh` that answers the pull request's head and records the calls.
function postComment(prNumber, comment, prHead) {
  const dir = mkdtempSync(join(tmpdir(), "post-comment-"));
  const bin = join(dir, "bin");
  execFileSync("mkdir", ["-p", bin, join(dir, "artifact")]);
  const log = join(dir, "gh.log");
  writeFileSync(join(bin, "gh"), `#!/usr/bin/env bash
echo "$*" >> "${log}"
case "$*" in
  "api repos/acme/strata/pulls/"*) echo "${prHead}" ;;
esac
`);
  chmodSync(join(bin, "gh"), 0o755);
  writeFileSync(join(dir, "artifact", "pr-number"), prNumber);
  writeFileSync(join(dir, "artifact", "comment.md"), comment);
  const run = spawnSync("bash", [join(here, "post-comment.sh"), join(dir, "artifact")], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, GITHUB_REPOSITORY: "acme/strata", HEAD_SHA: "abc123" },
    encoding: "utf8",
  });
  let calls = "";
  try { calls = readFileSync(log, "utf8"); } catch { /* gh never called */ }
  return { status: run.status, stderr: run.stderr, calls };
}

test("the comment is posted on the pull request whose head the run planned", () => {
  const ok = postComment("42\n", `${MARKER}\n## Strata plan\n`, "abc123");
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.calls, /api repos\/acme\/strata\/pulls\/42 --jq .head.sha/);
  assert.match(ok.calls, /api repos\/acme\/strata\/issues\/42\/comments --paginate/);
  assert.match(ok.calls, /--method POST repos\/acme\/strata\/issues\/42\/comments/);
});

test("an artifact naming another pull request, no number or no plan comment is not posted", () => {
  const elsewhere = postComment("7", `${MARKER}\n`, "fffff");
  assert.equal(elsewhere.status, 0);
  assert.match(elsewhere.stderr, /not the planned abc123; not posting/);
  assert.doesNotMatch(elsewhere.calls, /comments/);
  const injected = postComment("42; rm -rf /", `${MARKER}\n`, "abc123");
  assert.equal(injected.status, 1);
  assert.equal(injected.calls, "");
  const notComment = postComment("42", "hello\n", "abc123");
  assert.equal(notComment.status, 1);
  assert.equal(notComment.calls, "");
});
