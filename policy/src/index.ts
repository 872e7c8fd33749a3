// The CrossGuard pack: `pulumi preview --policy-pack policy` loads this file (package.json `main`).
import { PolicyPack } from "@pulumi/policy";
import { rules } from "./rules";

new PolicyPack("strata", {
    description: "Strata's guardrails for AI/ML storage on Amazon EKS.",
    policies: rules,
});
