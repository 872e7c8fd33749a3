import type { PolicyResource, StackValidationArgs, StackValidationPolicy } from "@pulumi/policy";
import { LUSTRE } from "../lib/fsx";
import { known } from "../lib/known";
import { label, ofType, referring } from "../lib/resources";

const SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
const INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
/** The Lustre ports: 988 and 1018-1023 (https://docs.aws.amazon.com/fsx/latest/LustreGuide/limit-access-security-groups.html). */
const LUSTRE_PORTS: Array<[number, number]> = [[988, 988], [1018, 1023]];

/** The client groups a Lustre security group admits: groups its ingress rules reference, other than itself. */
function clientGroups(args: StackValidationArgs, group: PolicyResource): string[] {
    return referring(args, group, INGRESS_RULE, "securityGroupId")
        .filter(r => !(r.propertyDependencies.referencedSecurityGroupId ?? []).some(d => d.urn === group.urn))
        .map(r => known(() => r.props.referencedSecurityGroupId))
        .filter((id): id is string => typeof id === "string");
}

/**
 * FSx asks for inbound TCP 988 and 1018-1023 from the file system's security group on the clients'
 * security groups too ("Lustre client VPC security group rules",
 * https://docs.aws.amazon.com/fsx/latest/LustreGuide/limit-access-security-groups.html). Advisory: the
 * client group may belong to another stack that already has these rules, which a plan cannot see.
 */
export const policy: StackValidationPolicy = {
    name: "fsx-lustre-client-rules",
    description: "Checks whether every security group an FSx for Lustre file system admits as a client has inbound rules for TCP 988 and 1018-1023 from the file system's security group.",
    enforcementLevel: "advisory",
    validateStack: (args, reportViolation) => {
        for (const fs of ofType(args, LUSTRE)) {
            const groups = (fs.propertyDependencies.securityGroupIds ?? []).filter(g => g.type === SECURITY_GROUP);
            for (const group of groups) {
                const inbound = referring(args, group, INGRESS_RULE, "referencedSecurityGroupId");
                for (const client of [...new Set(clientGroups(args, group))]) {
                    const rules = inbound.filter(r => known(() => r.props.securityGroupId) === client
                        && ["tcp", "6", "-1"].includes(String(known(() => r.props.ipProtocol))));
                    const missing = LUSTRE_PORTS.filter(([from, to]) => !rules.some(r => {
                        const ruleFrom = Number(known(() => r.props.fromPort));
                        const ruleTo = Number(known(() => r.props.toPort));
                        return String(known(() => r.props.ipProtocol)) === "-1" || (ruleFrom <= from && ruleTo >= to);
                    }));
                    if (missing.length > 0) {
                        reportViolation(`${label(fs)} client security group ${client} must admit TCP ${missing.map(([f, t]) => f === t ? `${f}` : `${f}-${t}`).join(" and ")} from security group ${group.name}.`, fs.urn);
                    }
                }
            }
        }
    },
};
