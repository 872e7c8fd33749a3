// node --test .github/scripts: the plan comment's rendering.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MARKER, changes, costLine, render } from "./plan-comment.mjs";

test("cost shows the change from the base branch", () => {
  assert.equal(costLine({ cost: { monthlyUsd: 120.5 } }, { cost: { monthlyUsd: 100 } }), "$120.50/month (+$20.50 vs base)");
  assert.equal(costLine({ cost: { monthlyUsd: 80 } }, { cost: { monthlyUsd: 100 } }), "$80.00/month (-$20.00 vs base)");
  assert.equal(costLine({ cost: { monthlyUsd: 80 } }, undefined), "$80.00/month (no base plan)");
});

test("changes summarise pulumi preview's change summary", () => {
  assert.equal(changes({ changeSummary: { create: 3, same: 10, delete: 0 } }), "3 to create, 10 to same");
  assert.equal(changes(undefined), "n/a");
});

test("the comment carries the marker, a row per stack and the findings", () => {
  const dir = mkdtempSync(join(tmpdir(), "plan-comment-"));
  const plan = { resources: [{}, {}], cost: { monthlyUsd: 10 }, findings: [
    { policy: "s3-bucket-encryption", resource: "urn:x", message: "Bucket must be encrypted.", enforcementLevel: "mandatory" }] };
  writeFileSync(join(dir, "prod.head.json"), JSON.stringify(plan));
  writeFileSync(join(dir, "prod.head.exit"), "1");
  writeFileSync(join(dir, "prod.base.json"), JSON.stringify({ ...plan, cost: { monthlyUsd: 4 } }));
  const text = render(dir);
  assert.ok(text.startsWith(MARKER));
  assert.match(text, /\| prod \| 2 \| n\/a \| \$10\.00\/month \(\+\$6\.00 vs base\) \| blocked: mandatory finding or budget \|/);
  assert.match(text, /\| dev \| n\/a \|/);
  assert.match(text, /`mandatory` \*\*s3-bucket-encryption\*\*: Bucket must be encrypted\./);
});
