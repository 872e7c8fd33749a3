import { strict as assert } from "node:assert";
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { describe, it } from "node:test";
import { rules } from "../rules";
import { ROOT } from "../testing/support";

describe("the pack's conventions", () => {
    const files = readdirSync(path.join(ROOT, "src", "rules")).filter(f => f.endsWith(".ts") && f !== "index.ts");

    it("has one rule a file, named by its id, all of them in the pack", () => {
        for (const file of files) {
            const { policy } = require(path.join(ROOT, "dist", "rules", file.replace(/\.ts$/, ".js")));
            assert.equal(policy.name, file.replace(/\.ts$/, ""));
        }
        assert.deepEqual(rules.map(r => r.name).sort(), files.map(f => f.replace(/\.ts$/, "")).sort());
    });
    it("describes each rule with \"Checks whether...\" and gives it an enforcement level", () => {
        for (const rule of rules) {
            assert.match(rule.description, /^Checks whether .+\.$/, rule.name);
            assert.ok(rule.enforcementLevel === "mandatory" || rule.enforcementLevel === "advisory", rule.name);
        }
    });
    it("documents every rule in the README's rules table with its level", () => {
        const readme = readFileSync(path.join(ROOT, "README.md"), "utf8");
        for (const rule of rules) {
            assert.match(readme, new RegExp(`^\\| \`${rule.name}\` \\| ${rule.enforcementLevel} \\|`, "m"), rule.name);
        }
    });
});
