#!/usr/bin/env node
// Renders the pull request's plan comment from the files offline-plans.sh and diffs.sh wrote: a row
// per stack (did the head plan, does the diff block), then each stack's `strata diff --format
// markdown`, stacks with a blocking change first. Usage: node plan-comment.mjs DIR > comment.md
// With --previews DIR it summarises previews.sh's `pulumi preview` runs instead (the job summary).
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const MARKER = "<!-- strata-plan -->";
export const STACKS = ["dev", "staging", "prod"];
// GitHub refuses a comment body over 65,536 characters.
export const MAX_COMMENT = 65000;

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

export function changes(preview) {
  const summary = preview?.changeSummary;
  if (!summary) return "n/a";
  const parts = Object.entries(summary).filter(([, n]) => n > 0).map(([op, n]) => `${n} to ${op}`);
  return parts.length ? parts.join(", ") : "no changes";
}

export function planStatus(exit) {
  return exit === "0" ? "planned" : exit === "1" ? "planned, blocked: mandatory finding or budget" : `failed (exit ${exit || "?"})`;
}

export function diffStatus(exit, hasBase) {
  if (!hasBase) return "no base plan to compare";
  return exit === "0" ? "nothing blocking" : exit === "1" ? "**BLOCKING**" : `failed (exit ${exit || "?"})`;
}

export function render(dir) {
  const stacks = STACKS.map((stack) => ({
    stack,
    planExit: readText(join(dir, `${stack}.head.exit`)),
    hasBase: existsSync(join(dir, `${stack}.base.json`)),
    diffExit: readText(join(dir, `${stack}.diff.exit`)),
    diff: readText(join(dir, `${stack}.diff.md`)),
    error: readText(join(dir, `${stack}.head.err`)) || readText(join(dir, `${stack}.diff.err`)),
  }));
  const lines = [MARKER, "## Strata plan", "", "| stack | head plan | diff against the base |", "|---|---|---|"];
  for (const s of stacks) lines.push(`| ${s.stack} | ${planStatus(s.planExit)} | ${diffStatus(s.diffExit, s.hasBase)} |`);
  const sections = [];
  // Blocking stacks first; then the others in their usual order.
  for (const s of [...stacks].sort((a, b) => (b.diffExit === "1") - (a.diffExit === "1"))) {
    if (s.diff) sections.push("", s.diff);
    if (s.planExit !== "0" && s.planExit !== "1" || s.diffExit !== "0" && s.diffExit !== "1" && s.hasBase) {
      if (s.error) sections.push("", `<details><summary>${s.stack}: errors</summary>`, "", "```", s.error, "```", "</details>");
    }
  }
  let text = [...lines, ...sections].join("\n") + "\n";
  if (text.length > MAX_COMMENT) {
    text = text.slice(0, MAX_COMMENT) + "\n\n(truncated: the whole diffs are in the run's strata-plan-comment artifact)\n";
  }
  return text;
}

export function previews(dir) {
  const lines = ["## pulumi preview", "", "| stack | changes | exit |", "|---|---|---|"];
  for (const stack of STACKS) {
    const preview = readJson(join(dir, `${stack}.preview.json`));
    lines.push(`| ${stack} | ${changes(preview)} | ${readText(join(dir, `${stack}.preview.exit`)) || "?"} |`);
  }
  return lines.join("\n") + "\n";
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const previewMode = process.argv[2] === "--previews";
  const dir = (previewMode ? process.argv[3] : process.argv[2]) ?? "out";
  process.stdout.write(previewMode ? previews(dir) : render(dir));
}
