import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { LUSTRE } from "../lib/fsx";
import { known, UNKNOWN } from "../lib/known";
import { label, ofType, referring } from "../lib/resources";

const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
const SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
const OPEN = ["0.0.0.0/0", "::/0"];

function listOf(value: unknown): string[] {
    return value === UNKNOWN || !Array.isArray(value) ? [] : value.map(String);
}

/** The open CIDRs a security group admits, through its inline rules or separate rule resources. */
function openIngress(args: StackValidationArgs, group: PolicyResource): string[] {
    const inline = known(() => group.props.ingress);
    const fromInline = (Array.isArray(inline) ? inline : []).flatMap((rule: any) =>
        [...listOf(known(() => rule?.cidrBlocks)), ...listOf(known(() => rule?.ipv6CidrBlocks))]);
    const fromRules = referring(args, group, INGRESS_RULE, "securityGroupId").flatMap(r =>
        [known(() => r.props.cidrIpv4), known(() => r.props.cidrIpv6)].filter((v): v is string => typeof v === "string"));
    const fromLegacy = referring(args, group, SECURITY_GROUP_RULE, "securityGroupId")
        .filter(r => known(() => r.props.type) === "ingress")
        .flatMap(r => [...listOf(known(() => r.props.cidrBlocks)), ...listOf(known(() => r.props.ipv6CidrBlocks))]);
    return [...fromInline, ...fromRules, ...fromLegacy].filter(cidr => OPEN.includes(cidr));
}

/** Lustre clients are the cluster's nodes: no security group of a file system admits the internet. */
export const policy: StackValidationPolicy = {
    name: "fsx-lustre-no-open-security-group",
    description: "Checks whether no security group of an FSx for Lustre file system allows ingress from 0.0.0.0/0 or ::/0.",
    enforcementLevel: "mandatory",
    validateStack: (args, reportViolation) => {
        for (const fs of ofType(args, LUSTRE)) {
            const groups = (fs.propertyDependencies.securityGroupIds ?? []).filter(g => g.type === SECURITY_GROUP);
            for (const group of groups) {
                const open = openIngress(args, group);
                if (open.length > 0) {
                    reportViolation(`${label(fs)} security group ${group.name} must admit only the cluster's networks, not ${[...new Set(open)].join(", ")}.`, fs.urn);
                }
            }
        }
    },
};
