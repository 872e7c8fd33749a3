#!/usr/bin/env node
// Renders the pull request's plan comment from the files offline-plans.sh and previews.sh wrote:
// per stack, the resource changes (pulumi preview), the monthly cost and its change from the base
// branch (strata plan), and the policy findings. Usage: node plan-comment.mjs DIR > comment.md
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const MARKER = "<!-- strata-plan -->";
export const STACKS = ["dev", "staging", "prod"];

function readJson(file) {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

function readText(file) {
  return existsSync(file) ? readFileSync(file, "utf8").trim() : "";
}

export function usd(value) {
  return `$${value.toFixed(2)}`;
}

export function costLine(head, base) {
  if (!head?.cost) return "n/a";
  const now = head.cost.monthlyUsd;
  if (!base?.cost) return `${usd(now)}/month (no base plan)`;
  const delta = now - base.cost.monthlyUsd;
  const sign = delta > 0 ? "+" : delta < 0 ? "-" : "±";
  return `${usd(now)}/month (${sign}${usd(Math.abs(delta))} vs base)`;
}

export function changes(preview) {
  const summary = preview?.changeSummary;
  if (!summary) return "n/a";
  const parts = Object.entries(summary).filter(([, n]) => n > 0).map(([op, n]) => `${n} to ${op}`);
  return parts.length ? parts.join(", ") : "no changes";
}

export function findings(head) {
  const list = head?.findings ?? [];
  if (list.length === 0) return ["none"];
  return list.map((f) => `\`${f.enforcementLevel}\` **${f.policy}**: ${f.message} (\`${f.resource}\`)`);
}

export function render(dir) {
  const lines = [MARKER, "## Strata plan", "", "| stack | resources | changes (pulumi preview) | monthly cost | plan |", "|---|---|---|---|---|"];
  const details = [];
  for (const stack of STACKS) {
    const head = readJson(join(dir, `${stack}.head.json`));
    const base = readJson(join(dir, `${stack}.base.json`));
    const preview = readJson(join(dir, `${stack}.preview.json`));
    const exit = readText(join(dir, `${stack}.head.exit`));
    const status = exit === "0" ? "planned" : exit === "1" ? "blocked: mandatory finding or budget" : `failed (exit ${exit || "?"})`;
    lines.push(`| ${stack} | ${head ? head.resources.length : "n/a"} | ${changes(preview)} | ${costLine(head, base)} | ${status} |`);
    details.push(`<details><summary>${stack}: policy findings</summary>`, "", ...findings(head).map((f) => `- ${f}`), "");
    const error = readText(join(dir, `${stack}.head.err`));
    if (exit !== "0" && error) details.push("```", error, "```");
    details.push("</details>", "");
  }
  return [...lines, "", ...details].join("\n") + "\n";
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.stdout.write(render(process.argv[2] ?? "out"));
}
