#!/usr/bin/env node
/**
 * The offline runner: `node dist/offline.js [PLAN.json] [--config POLICY-CONFIG.json]` evaluates the
 * pack over a `strata plan --format json` document (from the file, or stdin) and prints the
 * findings as JSON: [{policy, resource, message, enforcementLevel}].
 * Exit codes: 0 no mandatory finding; 1 a mandatory finding; 2 bad usage or input (message on stderr);
 * 3 a policy config the pack refuses (not JSON, an unknown rule or enforcement level: the message names
 * it). The config is checked before the plan is read, so `strata plan` learns of it at once. Anything
 * else (an uncaught exception also exits 1) is a failure: `strata plan` reads findings only from a
 * complete findings document whose exit code agrees with it.
 */
import { readFileSync } from "fs";
import { checkConfig, evaluate, PolicyInputError } from "./evaluate";
import { rules } from "./rules";

/** The oldest Node.js the pack supports (package.json engines). */
const MINIMUM_NODE_MAJOR = 20;

const USAGE = "usage: node dist/offline.js [PLAN.json] [--config POLICY-CONFIG.json]   (the plan is read from stdin without PLAN.json)";

function readJson(path: string | 0, what: string): unknown {
    let text: string;
    try {
        text = readFileSync(path, "utf8");
    } catch (e) {
        throw new PolicyInputError(`cannot read ${what} ${path === 0 ? "from stdin" : path}: ${(e as Error).message}`);
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new PolicyInputError(`${what} ${path === 0 ? "on stdin" : path} is not JSON: ${(e as Error).message}`);
    }
}

export function main(argv: string[]): number {
    const major = Number(process.versions.node.split(".")[0]);
    if (!(major >= MINIMUM_NODE_MAJOR)) {
        process.stderr.write(`strata-policy: Node.js ${MINIMUM_NODE_MAJOR} or later is required; this is ${process.version}\n`);
        return 2;
    }
    let planPath: string | undefined;
    let configPath: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === "--help" || arg === "-h") {
            process.stdout.write(USAGE + "\n");
            return 0;
        } else if (arg === "--config") {
            configPath = argv[++i];
            if (!configPath) {
                process.stderr.write(`strata-policy: --config needs a file\n${USAGE}\n`);
                return 2;
            }
        } else if (arg.startsWith("-") && arg !== "-") {
            process.stderr.write(`strata-policy: unknown option ${arg}\n${USAGE}\n`);
            return 2;
        } else if (planPath === undefined) {
            planPath = arg;
        } else {
            process.stderr.write(`strata-policy: one plan at a time\n${USAGE}\n`);
            return 2;
        }
    }
    let config: unknown = {};
    if (configPath) {
        try {
            config = checkConfig(readJson(configPath, "policy config"), rules);
        } catch (e) {
            process.stderr.write(`strata-policy: ${(e as Error).message}\n`);
            return 3;
        }
    }
    try {
        const plan = readJson(planPath === undefined || planPath === "-" ? 0 : planPath, "plan");
        const findings = evaluate(plan, rules, config);
        process.stdout.write(JSON.stringify(findings, null, 2) + "\n");
        return findings.some(f => f.enforcementLevel === "mandatory") ? 1 : 0;
    } catch (e) {
        process.stderr.write(`strata-policy: ${(e as Error).message}\n`);
        return 2;
    }
}

if (require.main === module) {
    process.exitCode = main(process.argv.slice(2));
}
